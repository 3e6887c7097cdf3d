/// Turns an `Encodable` view model into the dictionaries, arrays and leaves Mustache reads,
/// through its synthesized conformance: the same tree `ModelTree`'s `Mirror` walk makes (nil
/// optionals left out, numbers and strings as they are), without reflection, which was a seventh
/// of a cold build.
enum ModelEncoder {
    /// The tree of `value`.
    static func tree(_ value: any Encodable) -> Any? {
        let node = ModelNode()
        try? value.encode(to: ModelNodeEncoder(node: node, codingPath: []))
        return node.finished
    }
}

/// One value under construction.
final class ModelNode {
    var leaf: Any?
    var fields: [String: ModelNode]?
    var items: [ModelNode]?

    /// The finished value: a leaf, an array (nils dropped) or a dictionary (nils dropped).
    var finished: Any? {
        if let leaf { return leaf }
        if let items { return items.compactMap(\.finished) }
        if let fields {
            var out: [String: Any] = [:]
            out.reserveCapacity(fields.count)
            for (key, node) in fields {
                if let value = node.finished { out[key] = value }
            }
            return out
        }
        return nil
    }

    /// Stores `value`: leaves stay as they are, anything else is encoded into this node.
    func store<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        switch value {
        case let text as String: leaf = text
        case let flag as Bool: leaf = flag
        case let number as Int: leaf = number
        case let number as Double: leaf = number
        case is Int8, is Int16, is Int32, is Int64, is UInt, is UInt8, is UInt16, is UInt32, is UInt64, is Float:
            leaf = value  // the other numbers, as they are (encoding them would come straight back here)
        default: try value.encode(to: ModelNodeEncoder(node: self, codingPath: codingPath))
        }
    }
}

private struct ModelNodeEncoder: Encoder {
    let node: ModelNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.fields == nil { node.fields = [:] }
        return KeyedEncodingContainer(ModelKeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.items == nil { node.items = [] }
        return ModelUnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        ModelSingleContainer(node: node, codingPath: codingPath)
    }
}

private struct ModelKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: ModelNode
    var codingPath: [any CodingKey]

    private func child(_ key: Key) -> ModelNode {
        let child = ModelNode()
        node.fields?[key.stringValue] = child
        return child
    }

    mutating func encodeNil(forKey key: Key) throws {}

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try child(key).store(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        ModelNodeEncoder(node: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ModelNodeEncoder(node: child(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { ModelNodeEncoder(node: node, codingPath: codingPath) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ModelNodeEncoder(node: child(key), codingPath: codingPath + [key])
    }
}

private struct ModelUnkeyedContainer: UnkeyedEncodingContainer {
    let node: ModelNode
    var codingPath: [any CodingKey]
    var count: Int { node.items?.count ?? 0 }

    private func next() -> ModelNode {
        let child = ModelNode()
        node.items?.append(child)
        return child
    }

    mutating func encodeNil() throws { _ = next() }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try next().store(value, codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        ModelNodeEncoder(node: next(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        ModelNodeEncoder(node: next(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { ModelNodeEncoder(node: next(), codingPath: codingPath) }
}

private struct ModelSingleContainer: SingleValueEncodingContainer {
    let node: ModelNode
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws {}

    mutating func encode<T: Encodable>(_ value: T) throws {
        try node.store(value, codingPath: codingPath)
    }
}
