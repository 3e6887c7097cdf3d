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
        if let library = state.withLock({ $0.libraries[name] }) { return library }
        // The names it reaches, from the template texts (no parsing needed for that).
        var names: [String] = []
        var pending = [name]
        var seen: Set<String> = [name]
        while let next = pending.popLast() {
            guard let text = texts[next] else { continue }
            names.append(next)
            for reference in PartialReferences.all(in: text) where seen.insert(reference.name).inserted {
                pending.append(reference.name)
            }
        }
        // Parsed outside the lock, so pages on the other core that need other templates do not
        // wait (two threads may parse the same template once each; both results are equal).
        let known = state.withLock { state in names.compactMap { state.parsed[$0] == nil ? nil : $0 } }
        var fresh: [String: MustacheTemplate] = [:]
        for missing in names where !known.contains(missing) {
            // Only built-in templates are parsed here, and those parse (a test renders every
            // one); a failure leaves the name out and its render empty.
            if let text = texts[missing], let parsed = try? MustacheTemplate(string: text) { fresh[missing] = parsed }
        }
        return state.withLock { state in
            state.parsed.merge(fresh) { kept, _ in kept }
            var library = MustacheLibrary()
            for item in names {
                if let template = state.parsed[item] { library.register(template, named: item) }
            }
            state.libraries[name] = library
            return library
        }
    }
}
