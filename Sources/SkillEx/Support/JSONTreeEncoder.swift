import Foundation

/// Encodes an `Encodable` value straight into a `JSONValue` tree: the tree `JSONValueParser`
/// reads from `JSONEncoder`'s output, without writing and re-parsing the text.
///
/// Numbers follow the parser: integers and integral doubles become `.int`, other doubles
/// `.double`; non-finite numbers throw as `JSONEncoder` does. Types `JSONEncoder` treats
/// specially (Data, Date, URL, Decimal) are encoded by `JSONEncoder` itself and parsed.
enum JSONTreeEncoder {
    /// The JSON tree of `value`.
    static func tree<T: Encodable>(_ value: T) throws -> JSONValue {
        let node = JSONTreeNode()
        try node.encode(value, path: [])
        return node.value
    }
}

/// One value under construction: a leaf, an object or an array.
final class JSONTreeNode {
    var leaf: JSONValue?
    var fields: [String: JSONTreeNode]?
    var items: [JSONTreeNode]?

    /// The finished value (an untouched node is an empty object, as `JSONEncoder` writes it).
    var value: JSONValue {
        if let leaf { return leaf }
        if let items { return .array(items.map(\.value)) }
        return .object((fields ?? [:]).mapValues(\.value))
    }

    func encode<T: Encodable>(_ value: T, path: [any CodingKey]) throws {
        switch value {
        case let text as String: leaf = .string(text)
        case let flag as Bool: leaf = .bool(flag)
        case let number as Int: leaf = .int(Int64(number))
        case let number as Int64: leaf = .int(number)
        case let number as Double: leaf = try Self.number(number, path: path)
        case is Data, is Date, is URL, is Decimal:
            leaf = try JSONValueParser.parse(JSONEncoder().encode(value))
        default:
            try value.encode(to: JSONTreeWriter(node: self, codingPath: path))
        }
    }

    static func number(_ number: Double, path: [any CodingKey]) throws -> JSONValue {
        guard number.isFinite else {
            throw EncodingError.invalidValue(
                number, EncodingError.Context(codingPath: path, debugDescription: "Unable to encode \(number) directly in JSON."))
        }
        if let whole = Int64(exactly: number) { return .int(whole) }
        return .double(number)
    }

    static func integer<I: BinaryInteger>(_ number: I) -> JSONValue {
        if let exact = Int64(exactly: number) { return .int(exact) }
        return .double(Double(number))
    }

    func child(_ key: String) -> JSONTreeNode {
        let node = JSONTreeNode()
        if fields == nil { fields = [:] }
        fields?[key] = node
        return node
    }

    func append() -> JSONTreeNode {
        let node = JSONTreeNode()
        if items == nil { items = [] }
        items?.append(node)
        return node
    }
}

/// The `Encoder` that fills a `JSONTreeNode`.
struct JSONTreeWriter: Encoder {
    let node: JSONTreeNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.fields == nil { node.fields = [:] }
        return KeyedEncodingContainer(JSONTreeKeyed<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.items == nil { node.items = [] }
        return JSONTreeUnkeyed(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONTreeSingle(node: node, codingPath: codingPath)
    }
}

private struct JSONTreeKeyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONTreeNode
    var codingPath: [any CodingKey]

    private func set(_ value: JSONValue, _ key: Key) { node.child(key.stringValue).leaf = value }
    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(try JSONTreeNode.number(value, path: codingPath + [key]), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        set(try JSONTreeNode.number(Double("\(value)") ?? Double(value), path: codingPath + [key]), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(JSONTreeNode.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(JSONTreeNode.integer(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(JSONTreeNode.integer(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(JSONTreeNode.integer(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(JSONTreeNode.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(JSONTreeNode.integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(JSONTreeNode.integer(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(JSONTreeNode.integer(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(JSONTreeNode.integer(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(JSONTreeNode.integer(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try node.child(key.stringValue).encode(value, path: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        JSONTreeWriter(node: node.child(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        JSONTreeWriter(node: node.child(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder {
        JSONTreeWriter(node: node.child("super"), codingPath: codingPath)
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        JSONTreeWriter(node: node.child(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct JSONTreeUnkeyed: UnkeyedEncodingContainer {
    let node: JSONTreeNode
    var codingPath: [any CodingKey]
    var count: Int { node.items?.count ?? 0 }

    private func add(_ value: JSONValue) { node.append().leaf = value }
    mutating func encodeNil() throws { add(.null) }
    mutating func encode(_ value: Bool) throws { add(.bool(value)) }
    mutating func encode(_ value: String) throws { add(.string(value)) }
    mutating func encode(_ value: Double) throws { add(try JSONTreeNode.number(value, path: codingPath)) }
    mutating func encode(_ value: Float) throws { add(try JSONTreeNode.number(Double("\(value)") ?? Double(value), path: codingPath)) }
    mutating func encode(_ value: Int) throws { add(JSONTreeNode.integer(value)) }
    mutating func encode(_ value: Int8) throws { add(JSONTreeNode.integer(value)) }
    mutating func encode(_ value: Int16) throws { add(JSONTreeNode.integer(value)) }
    mutating func encode(_ value: Int32) throws { add(JSONTreeNode.integer(value)) }
    mutating func encode(_ value: Int64) throws { add(JSONTreeNode.integer(value)) }
    mutating func encode(_ value: UInt) throws { add(JSONTreeNode.integer(value)) }
    mutating func encode(_ value: UInt8) throws { add(JSONTreeNode.integer(value)) }
    mutating func encode(_ value: UInt16) throws { add(JSONTreeNode.integer(value)) }
    mutating func encode(_ value: UInt32) throws { add(JSONTreeNode.integer(value)) }
    mutating func encode(_ value: UInt64) throws { add(JSONTreeNode.integer(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try node.append().encode(value, path: codingPath) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        JSONTreeWriter(node: node.append(), codingPath: codingPath).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONTreeWriter(node: node.append(), codingPath: codingPath).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { JSONTreeWriter(node: node.append(), codingPath: codingPath) }
}

private struct JSONTreeSingle: SingleValueEncodingContainer {
    let node: JSONTreeNode
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.leaf = .null }
    mutating func encode(_ value: Bool) throws { node.leaf = .bool(value) }
    mutating func encode(_ value: String) throws { node.leaf = .string(value) }
    mutating func encode(_ value: Double) throws { node.leaf = try JSONTreeNode.number(value, path: codingPath) }
    mutating func encode(_ value: Float) throws { node.leaf = try JSONTreeNode.number(Double("\(value)") ?? Double(value), path: codingPath) }
    mutating func encode(_ value: Int) throws { node.leaf = JSONTreeNode.integer(value) }
    mutating func encode(_ value: Int8) throws { node.leaf = JSONTreeNode.integer(value) }
    mutating func encode(_ value: Int16) throws { node.leaf = JSONTreeNode.integer(value) }
    mutating func encode(_ value: Int32) throws { node.leaf = JSONTreeNode.integer(value) }
    mutating func encode(_ value: Int64) throws { node.leaf = JSONTreeNode.integer(value) }
    mutating func encode(_ value: UInt) throws { node.leaf = JSONTreeNode.integer(value) }
    mutating func encode(_ value: UInt8) throws { node.leaf = JSONTreeNode.integer(value) }
    mutating func encode(_ value: UInt16) throws { node.leaf = JSONTreeNode.integer(value) }
    mutating func encode(_ value: UInt32) throws { node.leaf = JSONTreeNode.integer(value) }
    mutating func encode(_ value: UInt64) throws { node.leaf = JSONTreeNode.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try node.encode(value, path: codingPath) }
}
