/// What an `Encodable` value becomes in an encoded tree: which values are leaves, what a nil is,
/// and how a finished node reads. One skeleton (`EncodedTreeNode` and its `Encoder`) serves every
/// tree SkillEx makes from `Encodable` values: the JSON tree `JSONWriter` prints
/// (`JSONTreeShape`) and the site's Mustache models (`MustacheModelShape`).
public protocol EncodedTreeShape {
    /// A finished value.
    associatedtype Value

    /// `value` as a leaf when it is one (strings, numbers, booleans…); nil to encode its parts.
    static func leaf<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> Value?

    /// What an encoded nil becomes; nil leaves the node empty.
    static var null: Value? { get }

    /// The member a keyed container's `superEncoder()` writes into; nil for the container's own node.
    static var superKey: String? { get }

    /// The value of a finished node, from its leaf, its items or its fields.
    static func finish(_ node: EncodedTreeNode<Self>) -> Value?
}

/// One value under construction: a leaf, an object (fields) or an array (items).
public final class EncodedTreeNode<Shape: EncodedTreeShape> {
    /// The leaf, when the value is one.
    public internal(set) var leaf: Shape.Value?
    /// Members by key, when the value is an object.
    public internal(set) var fields: [String: EncodedTreeNode]?
    /// Items in order, when the value is an array.
    public internal(set) var items: [EncodedTreeNode]?

    /// An empty node.
    public init() {}

    /// The tree of `value`.
    public static func tree<T: Encodable>(_ value: T) throws -> Shape.Value? {
        let node = EncodedTreeNode()
        try node.store(value, codingPath: [])
        return Shape.finish(node)
    }

    /// Stores `value` in this node: a leaf as it is, anything else through its `encode(to:)`.
    public func store<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        if let leaf = try Shape.leaf(value, codingPath: codingPath) {
            self.leaf = leaf
        } else {
            try value.encode(to: EncodedTreeEncoder(node: self, codingPath: codingPath))
        }
    }

    /// A new member under `key` (replacing one of that key).
    func child(_ key: String) -> EncodedTreeNode {
        let node = EncodedTreeNode()
        if fields == nil { fields = [:] }
        fields?[key] = node
        return node
    }

    /// A new last item.
    func append() -> EncodedTreeNode {
        let node = EncodedTreeNode()
        if items == nil { items = [] }
        items?.append(node)
        return node
    }

    /// Stores an encoded nil.
    func storeNil() {
        if let null = Shape.null { leaf = null }
    }
}

/// The `Encoder` that fills an `EncodedTreeNode`.
struct EncodedTreeEncoder<Shape: EncodedTreeShape>: Encoder {
    let node: EncodedTreeNode<Shape>
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.fields == nil { node.fields = [:] }
        return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.items == nil { node.items = [] }
        return Unkeyed(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(node: node, codingPath: codingPath)
    }

    // The standard library sends every primitive `encode` overload to the generic one, so each
    // container writes only `encodeNil` and `encode<T>`; `Shape.leaf` sorts out the primitives.

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: EncodedTreeNode<Shape>
        var codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws {
            if Shape.null != nil { node.child(key.stringValue).storeNil() }
        }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try node.child(key.stringValue).store(value, codingPath: codingPath + [key])
        }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            EncodedTreeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            EncodedTreeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder {
            EncodedTreeEncoder(node: Shape.superKey.map(node.child) ?? node, codingPath: codingPath)
        }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            EncodedTreeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key])
        }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let node: EncodedTreeNode<Shape>
        var codingPath: [any CodingKey]
        var count: Int { node.items?.count ?? 0 }

        mutating func encodeNil() throws { node.append().storeNil() }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.append().store(value, codingPath: codingPath) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            EncodedTreeEncoder(node: node.append(), codingPath: codingPath).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            EncodedTreeEncoder(node: node.append(), codingPath: codingPath).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { EncodedTreeEncoder(node: node.append(), codingPath: codingPath) }
    }

    private struct Single: SingleValueEncodingContainer {
        let node: EncodedTreeNode<Shape>
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws { node.storeNil() }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.store(value, codingPath: codingPath) }
    }
}
