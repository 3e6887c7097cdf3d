/// A parsed `SKILL.md`: front-matter fields in written order, and the Markdown body.
public struct SkillDocument: Sendable, Equatable {
    /// One front-matter value, kept as the text that was written.
    public enum Value: Sendable, Equatable {
        /// A scalar, as text (`yes` stays `"yes"`, `3.10` stays `"3.10"`).
        case text(String)
        /// A nested mapping, in written order.
        case mapping([(key: String, value: Value)])
        /// A sequence.
        case list([Value])

        /// The scalar text, or nil for a mapping or list.
        public var text: String? {
            if case .text(let value) = self { return value }
            return nil
        }

        /// Equal when the structure and every text are equal.
        public static func == (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case (.text(let a), .text(let b)): a == b
            case (.list(let a), .list(let b)): a == b
            case (.mapping(let a), .mapping(let b)):
                a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            default: false
            }
        }

        /// A one-line rendering for tables (mappings as `k: v, …`).
        public var display: String {
            switch self {
            case .text(let value): value
            case .list(let items): items.map(\.display).joined(separator: ", ")
            case .mapping(let pairs): pairs.map { "\($0.key): \($0.value.display)" }.joined(separator: ", ")
            }
        }
    }

    /// Top-level fields in the order they were written.
    public var fields: [(key: String, value: Value)]
    /// The Markdown after the front matter.
    public var body: String

    /// The first value of `key`.
    public subscript(key: String) -> Value? {
        fields.first { $0.key == key }?.value
    }

    /// The `name` field's text.
    public var name: String? { self["name"]?.text }
    /// The `description` field's text.
    public var description: String? { self["description"]?.text }

    /// A document value.
    public init(fields: [(key: String, value: Value)], body: String) {
        self.fields = fields
        self.body = body
    }

    /// Equal when fields (in order) and body are equal.
    public static func == (lhs: SkillDocument, rhs: SkillDocument) -> Bool {
        lhs.body == rhs.body && Value.mapping(lhs.fields) == Value.mapping(rhs.fields)
    }
}
