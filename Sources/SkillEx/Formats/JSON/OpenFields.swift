import Foundation

/// A JSON object's fields that a Codable type does not model, kept so a rewrite loses nothing.
///
/// Features own their own sections of the manifest (`scoring`, `storage`, `webhooks`…) and read
/// and write them through `decode(_:key:)` / `encode(_:key:)` without touching the core types.
public struct OpenFields: Sendable, Equatable {
    /// Unmodelled fields by key.
    public var values: [String: JSONValue] = [:]

    /// An empty set of fields.
    public init() {}

    /// Where a decoder may carry the whole document, already parsed, so unmodelled fields are
    /// copied from it instead of being decoded value by value (much faster for big manifests).
    static let treeKey = CodingUserInfoKey(rawValue: "skillex.document-tree")

    /// Collects every key of `decoder`'s object not in `known`.
    init(from decoder: any Decoder, excluding known: Set<String>) throws {
        if let key = Self.treeKey, let tree = decoder.userInfo[key] as? JSONValue,
            case .object(let fields)? = tree.value(at: decoder.codingPath)
        {
            for (name, value) in fields where !known.contains(name) { values[name] = value }
            return
        }
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        for key in container.allKeys where !known.contains(key.stringValue) {
            values[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
    }

    /// Writes every kept field into `encoder`'s object.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (key, value) in values {
            try container.encode(value, forKey: AnyCodingKey(key))
        }
    }

    /// Decodes the field `key` as `T`; nil when absent.
    public func decode<T: Decodable>(_ type: T.Type, key: String) throws -> T? {
        guard let value = values[key] else { return nil }
        // Straight from the parsed value; JSONDecoder only for what the tree reader declines, so
        // errors read as before.
        if let decoded = JSONTreeDecoder.value(T.self, tree: value) { return decoded }
        let data = try JSONEncoder().encode(value)
        return try JSONDecoder().decodeChecked(T.self, from: data)
    }

    /// Stores `value` under `key`, replacing what was there; nil removes the field.
    public mutating func encode<T: Encodable>(_ value: T?, key: String) throws {
        guard let value else {
            values[key] = nil
            return
        }
        let data = try JSONEncoder().encode(value)
        values[key] = try JSONDecoder().decodeChecked(JSONValue.self, from: data)
    }
}
