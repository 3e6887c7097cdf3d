import Foundation
import SkillEx

/// Reference pages for the JSON Schemas (the `SkillEx.Event` schema, the manifest schema):
/// every field with its type and meaning, and the schema file to download.
struct ReferencePage: Sendable, Encodable {
    struct Entry: Sendable, Encodable { var title: String; var href: String; var summary: String; var available: Bool }

    var frame: PageFrame
    var isIndex: Bool
    var entries: [Entry]
    var title: String
    var summary: String
    var available: Bool
    var schemaFile: String
    var fields: [SchemaFields.Field]
    /// The top-level fields, linking to their rows (sitedocs).
    var toc: [TocItem] = []
    var hasToc = false

    static let schemas: [(page: String, file: String, title: String, summary: String)] = [
        ("events", "event.schema.json", "SkillEx.Event",
         "One line of .skillex/events.jsonl: what happened during a run, with measurements and metadata."),
        ("manifest", "manifest.schema.json", "manifest.json",
         "The hub manifest: repositories to collect, settings, and the state SkillEx records."),
    ]

    // MARK: - Pages

    static func pages(from context: SiteContext) -> [PlannedPage] {
        let input = context.input
        let entries = schemas.map {
            Entry(title: $0.title, href: "\($0.page).html", summary: $0.summary, available: input.schemas[$0.file] != nil)
        }
        let indexKey = context.key("reference/index.html", entries.map { "\($0.href)\u{0}\($0.available)" }.joined(separator: "\u{1}"))
        var pages = [PlannedPage.template("reference/index.html", key: indexKey, theme: context.theme, "reference") {
            ReferencePage(
                frame: PageFrame(context: context, title: "Reference", path: "reference/index.html", section: "reference"),
                isIndex: true, entries: entries, title: "Reference", summary: "", available: true, schemaFile: "", fields: [])
        }]
        for schema in schemas {
            let text = input.schemas[schema.file]
            let path = "reference/\(schema.page).html"
            pages.append(.template(path, key: context.key("reference", schema.file, text ?? ""), theme: context.theme, "reference") {
                let fields = text.map(SchemaFields.flatten) ?? []
                return ReferencePage(
                    frame: PageFrame(context: context, title: schema.title, path: path, section: "reference",
                                     description: schema.summary),
                    isIndex: false, entries: [], title: schema.title, summary: schema.summary,
                    available: text != nil, schemaFile: schema.file, fields: fields,
                    toc: SchemaFields.toc(fields), hasToc: !SchemaFields.toc(fields).isEmpty)
            })
            if let text { pages.append(.file("reference/\(schema.file)", key: context.key("schema", schema.file, text), text: text)) }
        }
        return pages
    }
}

/// Flattens a JSON Schema's properties into rows: dotted path, type, required, meaning.
enum SchemaFields {
    struct Field: Sendable, Encodable {
        var path: String; var type: String; var required: Bool; var meaning: String; var depth: Int
        /// The row's `id` (`anchor(of:)`).
        var anchor: String

        init(path: String, type: String, required: Bool, meaning: String, depth: Int) {
            (self.path, self.type, self.required, self.meaning, self.depth) = (path, type, required, meaning, depth)
            anchor = Self.anchor(of: path)
        }

        /// `field-` and the path, `[]` spelt `-items`, characters other than letters, digits,
        /// `.`, `_` and `-` spelt `-`.
        static func anchor(of path: String) -> String {
            "field-" + String(path.replacingOccurrences(of: "[]", with: "-items").map {
                $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") ? $0 : "-"
            })
        }
    }

    /// A table of contents of the top-level fields.
    static func toc(_ fields: [Field]) -> [TocItem] {
        fields.filter { $0.depth == 0 }.map { TocItem(text: $0.path, anchor: $0.anchor, isSub: false) }
    }

    static func flatten(_ text: String) -> [Field] {
        guard let data = text.data(using: .utf8),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [Field(path: "(schema)", type: "?", required: false, meaning: "The schema file is not valid JSON.", depth: 0)] }
        var fields: [Field] = []
        walk(root, root: root, prefix: "", depth: 0, into: &fields, seen: [])
        return fields
    }

    private static func walk(
        _ schema: [String: Any], root: [String: Any], prefix: String, depth: Int, into fields: inout [Field], seen: Set<String>
    ) {
        guard depth < 6 else { return }
        let resolved = resolve(schema, root: root)
        let required = Set(resolved["required"] as? [String] ?? [])
        let properties = resolved["properties"] as? [String: Any] ?? [:]
        for name in properties.keys.sorted() {
            guard let raw = properties[name] as? [String: Any] else { continue }
            let property = resolve(raw, root: root)
            let path = prefix.isEmpty ? name : "\(prefix).\(name)"
            fields.append(Field(path: path, type: typeName(property, root: root), required: required.contains(name),
                                meaning: (property["description"] as? String) ?? (raw["description"] as? String) ?? "",
                                depth: depth))
            let ref = raw["$ref"] as? String ?? ""
            if seen.contains(ref) { continue }
            let next = seen.union(ref.isEmpty ? [] : [ref])
            if property["properties"] != nil {
                walk(property, root: root, prefix: path, depth: depth + 1, into: &fields, seen: next)
            } else if let items = property["items"] as? [String: Any], resolve(items, root: root)["properties"] != nil {
                walk(items, root: root, prefix: path + "[]", depth: depth + 1, into: &fields, seen: next)
            }
        }
    }

    /// Follows a local `$ref` (`#/$defs/name`).
    static func resolve(_ schema: [String: Any], root: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/") else { return schema }
        var node: Any = root
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(part)] else { return schema }
            node = next
        }
        return node as? [String: Any] ?? schema
    }

    static func typeName(_ schema: [String: Any], root: [String: Any]) -> String {
        if let type = schema["type"] as? String {
            if type == "array", let items = schema["items"] as? [String: Any] {
                return "array of " + typeName(resolve(items, root: root), root: root)
            }
            return type
        }
        if let types = schema["type"] as? [String] { return types.joined(separator: " | ") }
        if let options = (schema["oneOf"] ?? schema["anyOf"]) as? [[String: Any]] {
            return options.map { typeName(resolve($0, root: root), root: root) }.joined(separator: " | ")
        }
        if let values = schema["enum"] as? [Any] { return "one of " + values.map { "\($0)" }.joined(separator: ", ") }
        if schema["const"] != nil { return "constant \(schema["const"] ?? "")" }
        return "any"
    }
}
