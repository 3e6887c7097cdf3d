public import Foundation
import Mustache
import SkillEx

/// The site's templates and assets: the built-in theme, overridden file by file by a
/// workspace's own `templates/`.
public struct Theme: Sendable {
    /// Templates by name (`skill`, `layout`, `toc`…), parsed on first use.
    let templates: TemplateSet
    /// Static files copied into the site (`assets/style.css`…), by path.
    let assets: [String: String]
    /// Changes whenever any template or asset changes.
    public let fingerprint: String
    /// Names of templates a workspace's `templates/` replaced.
    var overridden: Set<String> = []
    /// The templates the theme's own engine renders (the built-in ones a workspace kept).
    let compiled: CompiledTemplates

    /// Loads the built-in theme, then every file of `overrides` (a `templates/` folder) over it.
    public static func load(overrides: URL? = nil) throws(SiteError) -> Theme {
        var sources: [String: (text: String, origin: String)] = [:]
        for (key, text) in EmbeddedTheme.files where key.hasPrefix("templates/") {
            sources[String(key.dropFirst("templates/".count))] = (text, "built-in theme: \(key)")
        }
        if let overrides {
            for (path, url) in Self.files(under: overrides) {
                guard let data = try? Data(contentsOf: url) else { continue }
                sources[path] = (String(decoding: data, as: UTF8.self), url.path)
            }
        }
        return try build(sources)
    }

    /// Builds a theme from template sources keyed by path (`skill.mustache`, `assets/style.css`).
    /// A workspace's own templates are parsed now, so an error in one names its file and line
    /// before anything is written; the built-in ones (tested with the code) are parsed when a
    /// page first needs them, so a rebuild that renders two page kinds parses two.
    static func build(_ sources: [String: (text: String, origin: String)]) throws(SiteError) -> Theme {
        var assets: [String: String] = [:]
        var texts: [String: String] = [:]
        var parsed: [String: MustacheTemplate] = [:]
        var hasher = SHA256Hasher()
        hasher.update(SkillExVersion.current)
        for path in sources.keys.sorted() {
            guard let (text, origin) = sources[path] else { continue }
            hasher.update("\(path)\u{0}\(text)\u{0}")
            guard path.hasSuffix(".mustache") else {
                assets[path] = text
                continue
            }
            let name = String(path.dropLast(".mustache".count))
            texts[name] = text
            guard !origin.hasPrefix("built-in theme: ") else { continue }
            do {
                parsed[name] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw .template(file: origin, line: error.context.lineNumber, reason: "\(error.error)")
            } catch {
                throw .template(file: origin, line: 1, reason: ErrorText.brief(error))
            }
        }
        let names = Set(texts.keys)
        for path in sources.keys.sorted() where path.hasSuffix(".mustache") {
            guard let (text, origin) = sources[path] else { continue }
            if let (line, name) = PartialReferences.firstMissing(in: text, known: names) {
                throw .template(file: origin, line: line, reason: "no template named '\(name)'")
            }
        }
        let overridden = Set(sources.filter { $0.key.hasSuffix(".mustache") && !$0.value.origin.hasPrefix("built-in theme: ") }
            .map { String($0.key.dropLast(".mustache".count)) })
        return Theme(
            templates: TemplateSet(texts: texts, parsed: parsed), assets: assets,
            fingerprint: Digest.hex(hasher.finalize()), overridden: overridden,
            compiled: CompiledTemplates(texts: texts, replaced: overridden))
    }

    /// Renders template `name` with `model`.
    func render(_ name: String, _ model: Any) -> String {
        // The theme's own engine when it can (no `Any` tree, no dynamic casts); else swift-mustache.
        if let model = model as? any Encodable, let html = compiled.render(name, model) { return html }
        return templates.library(for: name).render(ModelTree.convert(model) ?? [String: Any](), withTemplate: name) ?? ""
    }

    private static func files(under folder: URL) -> [(String, URL)] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var out: [(String, URL)] = []
        for case let path as String in walker {
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                out.append((path, url))
            }
        }
        return out
    }
}
