package import Foundation

/// Decodes a `Decodable` value from JSON bytes by way of `JSONValueParser`'s tree, which is
/// quicker than `JSONDecoder` on large files. It is as strict as `JSONDecoder` on types; on any
/// failure (or a type `JSONDecoder` treats specially: Data, Date, URL, Decimal) the bytes are
/// decoded again by `JSONDecoder`, so errors and edge cases read exactly as before.
package enum JSONTreeDecoder {
    /// `value` decoded from `data`; `userInfo` is passed to both decoders.
    package static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, tree: JSONValue? = nil, userInfo: [CodingUserInfoKey: any Sendable] = [:]
    ) throws -> T {
        if let tree = tree ?? (try? JSONValueParser.parse(data)),
            let value = try? T(from: JSONTreeReader(value: tree, codingPath: [], info: userInfo))
        {
            return value
        }
        let decoder = JSONDecoder()
        for (key, value) in userInfo { decoder.userInfo[key] = value }
        return try decoder.decodeChecked(type, from: data)
    }

    /// `data` parsed into a `JSONValue` tree, for readers that take their fields from it by hand.
    package static func tree(_ data: Data) throws -> JSONValue { try JSONValueParser.parse(data) }
}

extension JSONTreeDecoder {
    /// `type` decoded from an already parsed `tree`, or nil when the tree decoder cannot
    /// (callers then fall back to `decode(_:from:)`).
    static func value<T: Decodable>(
        _ type: T.Type, tree: JSONValue, userInfo: [CodingUserInfoKey: any Sendable] = [:]
    ) -> T? {
        try? T(from: JSONTreeReader(value: tree, codingPath: [], info: userInfo))
    }
}

/// Any failure of the tree decoder; the caller falls back to `JSONDecoder`.
private struct TreeMismatch: Error {}

/// A coding key for array positions and `super`.
private struct TreeKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}

private struct JSONTreeReader: Decoder {
    let value: JSONValue
    var codingPath: [any CodingKey]
    let info: [CodingUserInfoKey: any Sendable]
    var userInfo: [CodingUserInfoKey: Any] { info }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let fields) = value else { throw TreeMismatch() }
        return KeyedDecodingContainer(TreeKeyed<Key>(fields: fields, codingPath: codingPath, info: info))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw TreeMismatch() }
        return TreeUnkeyed(items: items, codingPath: codingPath, info: info)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        TreeSingle(value: value, codingPath: codingPath, info: info)
    }
}

/// Reads leaves with `JSONDecoder`'s strictness: no conversions between strings, numbers and
/// booleans; integers must fit exactly.
private enum TreeLeaf {
    static func decode<T: Decodable>(_ type: T.Type, _ value: JSONValue, path: [any CodingKey], info: [CodingUserInfoKey: any Sendable]) throws -> T {
        switch type {
        case is String.Type:
            guard case .string(let text) = value, let out = text as? T else { throw TreeMismatch() }
            return out
        case is Bool.Type:
            guard case .bool(let flag) = value, let out = flag as? T else { throw TreeMismatch() }
            return out
        case is Int.Type:
            guard case .int(let number) = value, let exact = Int(exactly: number), let out = exact as? T else { throw TreeMismatch() }
            return out
        case is Int64.Type:
            guard case .int(let number) = value, let out = number as? T else { throw TreeMismatch() }
            return out
        case is UInt64.Type:
            // Up to Int64.max here; a larger number is no `.int` in the tree, and JSONDecoder reads it.
            guard case .int(let number) = value, let exact = UInt64(exactly: number), let out = exact as? T else {
                throw TreeMismatch()
            }
            return out
        case is Double.Type:
            switch value {
            case .int(let number): if let out = Double(number) as? T { return out }
            case .double(let number): if let out = number as? T { return out }
            default: break
            }
            throw TreeMismatch()
        case is Data.Type, is Date.Type, is URL.Type, is Decimal.Type, is Float.Type,
            is Int8.Type, is Int16.Type, is Int32.Type, is UInt.Type, is UInt8.Type, is UInt16.Type,
            is UInt32.Type:
            throw TreeMismatch()  // special or rare here: JSONDecoder handles them
        default:
            return try T(from: JSONTreeReader(value: value, codingPath: path, info: info))
        }
    }
}

private struct TreeKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: [String: JSONValue]
    var codingPath: [any CodingKey]
    let info: [CodingUserInfoKey: any Sendable]

    var allKeys: [Key] { fields.keys.compactMap { Key(stringValue: $0) } }
    func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

    private func field(_ key: Key) throws -> JSONValue {
        guard let value = fields[key.stringValue] else { throw TreeMismatch() }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try field(key) == .null }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try leaf(type, forKey: key) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try leaf(type, forKey: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try leaf(type, forKey: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try leaf(type, forKey: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try leaf(type, forKey: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try leaf(type, forKey: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try leaf(type, forKey: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try leaf(type, forKey: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try leaf(type, forKey: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try leaf(type, forKey: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try leaf(type, forKey: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try leaf(type, forKey: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try leaf(type, forKey: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try leaf(type, forKey: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try leaf(type, forKey: key) }
    private func leaf<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try TreeLeaf.decode(type, try field(key), path: codingPath + [key], info: info)
    }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try JSONTreeReader(value: try field(key), codingPath: codingPath + [key], info: info).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try JSONTreeReader(value: try field(key), codingPath: codingPath + [key], info: info).unkeyedContainer()
    }
    func superDecoder() throws -> any Decoder {
        JSONTreeReader(value: fields["super"] ?? .null, codingPath: codingPath + [TreeKey(stringValue: "super")], info: info)
    }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        JSONTreeReader(value: fields[key.stringValue] ?? .null, codingPath: codingPath + [key], info: info)
    }
}

private struct TreeUnkeyed: UnkeyedDecodingContainer {
    let items: [JSONValue]
    var codingPath: [any CodingKey]
    let info: [CodingUserInfoKey: any Sendable]
    var currentIndex = 0
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(items: [JSONValue], codingPath: [any CodingKey], info: [CodingUserInfoKey: any Sendable]) {
        self.items = items
        self.codingPath = codingPath
        self.info = info
    }

    private mutating func next() throws -> (JSONValue, [any CodingKey]) {
        guard currentIndex < items.count else { throw TreeMismatch() }
        defer { currentIndex += 1 }
        return (items[currentIndex], codingPath + [TreeKey(intValue: currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < items.count else { throw TreeMismatch() }
        if items[currentIndex] == .null {
            currentIndex += 1
            return true
        }
        return false
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try leaf(type) }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try leaf(type) }
    mutating func decode(_ type: String.Type) throws -> String { try leaf(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try leaf(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try leaf(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try leaf(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try leaf(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try leaf(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try leaf(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try leaf(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try leaf(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try leaf(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try leaf(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try leaf(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try leaf(type) }
    private mutating func leaf<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, path) = try next()
        return try TreeLeaf.decode(type, value, path: path, info: info)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (value, path) = try next()
        return try JSONTreeReader(value: value, codingPath: path, info: info).container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, path) = try next()
        return try JSONTreeReader(value: value, codingPath: path, info: info).unkeyedContainer()
    }
    mutating func superDecoder() throws -> any Decoder {
        let (value, path) = try next()
        return JSONTreeReader(value: value, codingPath: path, info: info)
    }
}

private struct TreeSingle: SingleValueDecodingContainer {
    let value: JSONValue
    var codingPath: [any CodingKey]
    let info: [CodingUserInfoKey: any Sendable]

    func decodeNil() -> Bool { value == .null }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try leaf(type) }
    func decode(_ type: Bool.Type) throws -> Bool { try leaf(type) }
    func decode(_ type: String.Type) throws -> String { try leaf(type) }
    func decode(_ type: Double.Type) throws -> Double { try leaf(type) }
    func decode(_ type: Float.Type) throws -> Float { try leaf(type) }
    func decode(_ type: Int.Type) throws -> Int { try leaf(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try leaf(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try leaf(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try leaf(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try leaf(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try leaf(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try leaf(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try leaf(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try leaf(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try leaf(type) }
    private func leaf<T: Decodable>(_ type: T.Type) throws -> T {
        try TreeLeaf.decode(type, value, path: codingPath, info: info)
    }
}
