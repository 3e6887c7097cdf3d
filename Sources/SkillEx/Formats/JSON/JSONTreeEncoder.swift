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
        // Types are told apart by their metadata (a pointer compare), so the objects and arrays
        // that make up most of a tree pay no dynamic cast; only a matching leaf is cast, once.
        let type = T.self
        if type == String.self { return (value as? String).map(JSONValue.string) }
        if type == Bool.self { return (value as? Bool).map(JSONValue.bool) }
        if type == Int.self { return (value as? Int).map { .int(Int64($0)) } }
        if type == Double.self { return try (value as? Double).map { try number($0, path: codingPath) } }
        if type == Int64.self { return (value as? Int64).map(JSONValue.int) }
        if type == Float.self { return try (value as? Float).map { try number(Double("\($0)") ?? Double($0), path: codingPath) } }
        if isPrimitive(type), let number = value as? any BinaryInteger { return integer(number) }
        if type == Data.self || type == Date.self || type == URL.self || type == Decimal.self {
            return try JSONValueParser.parse(JSONEncoder().encode(value))
        }
        return nil
    }

    /// The integer types the standard library encodes as primitives.
    private static func isPrimitive(_ type: Any.Type) -> Bool {
        type == Int8.self || type == Int16.self || type == Int32.self || type == UInt.self || type == UInt8.self
            || type == UInt16.self || type == UInt32.self || type == UInt64.self
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
