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
        try EncodedTreeNode<JSONTreeShape>.tree(value) ?? .object([:])
    }
}

/// `JSONValue` trees on the shared skeleton: nil is `null`, `super` is a member, and a node
/// nothing was written into is an empty object, as `JSONEncoder` writes them.
enum JSONTreeShape: EncodedTreeShape {
    static func leaf<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONValue? {
        switch value {
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .int(Int64(number))
        case let number as Int64: return .int(number)
        case let number as Double: return try Self.number(number, path: codingPath)
        case let number as Float: return try Self.number(Double("\(number)") ?? Double(number), path: codingPath)
        case let number as Int8: return integer(number)
        case let number as Int16: return integer(number)
        case let number as Int32: return integer(number)
        case let number as UInt: return integer(number)
        case let number as UInt8: return integer(number)
        case let number as UInt16: return integer(number)
        case let number as UInt32: return integer(number)
        case let number as UInt64: return integer(number)
        case is Data, is Date, is URL, is Decimal: return try JSONValueParser.parse(JSONEncoder().encode(value))
        default: return nil
        }
    }

    static var null: JSONValue? { .null }
    static var superKey: String? { "super" }

    static func finish(_ node: EncodedTreeNode<Self>) -> JSONValue? {
        if let leaf = node.leaf { return leaf }
        if let items = node.items { return .array(items.map { finish($0) ?? .object([:]) }) }
        return .object((node.fields ?? [:]).mapValues { finish($0) ?? .object([:]) })
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
}
