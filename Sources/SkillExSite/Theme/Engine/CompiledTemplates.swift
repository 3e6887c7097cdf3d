import Synchronization

/// The built-in templates the theme's own engine renders, each parsed the first time a page
/// needs it. A template that reaches (through partials and parents) one a workspace replaced, or
/// one this engine cannot parse, has no library here and renders through swift-mustache.
final class CompiledTemplates: Sendable {
    /// Texts of the templates this engine may render, by name.
    private let texts: [String: String]
    private let state: Mutex<(parsed: [String: ThemeTemplate?], libraries: [String: [String: ThemeTemplate]?])>

    /// The templates of `texts` not named in `replaced`.
    init(texts: [String: String], replaced: Set<String>) {
        self.texts = texts.filter { !replaced.contains($0.key) }
        state = Mutex(([:], [:]))
    }

    /// The templates `name` needs, by name; nil when swift-mustache must render it.
    func library(for name: String) -> [String: ThemeTemplate]? {
        if let known = state.withLock({ $0.libraries[name] }) { return known }
        var library: [String: ThemeTemplate]? = [:]
        var pending = [name]
        var seen: Set<String> = [name]
        while let next = pending.popLast() {
            guard let text = texts[next], let template = parsed(next, text) else {
                library = nil
                break
            }
            library?[next] = template
            for reference in PartialReferences.all(in: text) where seen.insert(reference.name).inserted {
                pending.append(reference.name)
            }
        }
        state.withLock { $0.libraries[name] = .some(library) }
        return library
    }

    /// Renders template `name` with `model`; nil when swift-mustache must.
    func render(_ name: String, _ model: any Encodable) -> String? {
        guard let library = library(for: name), let template = library[name] else { return nil }
        var renderer = ThemeRenderer(library: library, model: ModelValue.tree(model))
        renderer.render(template, indentation: nil, inherited: nil)
        return String(decoding: renderer.output, as: UTF8.self)
    }

    private func parsed(_ name: String, _ text: String) -> ThemeTemplate? {
        if let known = state.withLock({ $0.parsed[name] }) { return known }
        let template = ThemeTemplateParser.parse(text)
        state.withLock { $0.parsed[name] = .some(template) }
        return template
    }
}
