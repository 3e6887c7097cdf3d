import Mustache
import Synchronization

/// A theme's templates, each parsed the first time a page renders it (or one of the templates
/// that include it): a render gets a library holding its template and every template it
/// reaches through partials and parents.
final class TemplateSet: Sendable {
    private let texts: [String: String]
    private let state: Mutex<(parsed: [String: MustacheTemplate], libraries: [String: MustacheLibrary])>

    /// Templates by name from `texts`, some already parsed.
    init(texts: [String: String], parsed: [String: MustacheTemplate]) {
        self.texts = texts
        state = Mutex((parsed, [:]))
    }

    /// The library to render `name` with.
    func library(for name: String) -> MustacheLibrary {
        state.withLock { state in
            if let library = state.libraries[name] { return library }
            var library = MustacheLibrary()
            var pending = [name]
            var seen: Set<String> = [name]
            while let next = pending.popLast() {
                guard let text = texts[next] else { continue }
                let template: MustacheTemplate
                if let parsed = state.parsed[next] {
                    template = parsed
                } else {
                    // Only built-in templates are parsed here, and those parse (a test renders
                    // every one); a failure leaves the name out and its render empty.
                    guard let parsed = try? MustacheTemplate(string: text) else { continue }
                    state.parsed[next] = parsed
                    template = parsed
                }
                library.register(template, named: next)
                for reference in PartialReferences.all(in: text) where seen.insert(reference.name).inserted {
                    pending.append(reference.name)
                }
            }
            state.libraries[name] = library
            return library
        }
    }
}
