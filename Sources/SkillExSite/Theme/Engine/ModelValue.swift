/// A view model as the theme's own template engine reads it: the same tree `ModelEncoder`
/// makes (nils left out, numbers as their text), typed, so a lookup is a switch and a hash, with
/// no dynamic casts.
enum ModelValue {
    case string(String)
    case bool(Bool)
    /// A number, as `String(describing:)` prints it, and the number itself.
    case number(String, Any)
    case list([ModelValue])
    case object([String: ModelValue])

    /// The tree of `value`; an empty object when it encodes to nothing.
    static func tree(_ value: any Encodable) -> ModelValue {
        (try? ModelValueEncoder.value(value)) ?? .object([:])
    }

    /// What swift-mustache prints for this value: `String(describing:)` of its `Any` tree.
    var described: String {
        String(describing: anyTree)
    }

    /// The `Any` tree `ModelEncoder` makes of the same model.
    var anyTree: Any {
        switch self {
        case .string(let text): text
        case .bool(let flag): flag
        case .number(_, let number): number
        case .list(let items): items.map(\.anyTree)
        case .object(let fields): fields.mapValues(\.anyTree)
        }
    }

    /// The member `name` when this is an object.
    @inline(__always) func member(_ name: String) -> ModelValue? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }
}

extension ModelValue {
    /// `value` as a leaf when it is a string, a boolean or a number (as `MustacheModelShape`
    /// takes them); nil for anything to encode part by part.
    static func leaf<T: Encodable>(_ value: T) -> ModelValue? {
        let type = T.self
        // The type is checked first, so the casts below reinterpret a value of that very type.
        if type == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if type == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if type == Int.self {
            let number = unsafeBitCast(value, to: Int.self)
            return .number(String(number), number)
        }
        if type == Double.self {
            let number = unsafeBitCast(value, to: Double.self)
            return .number(number.description, number)
        }
        if type == Int8.self || type == Int16.self || type == Int32.self
            || type == Int64.self || type == UInt.self || type == UInt8.self || type == UInt16.self
            || type == UInt32.self || type == UInt64.self || type == Float.self
        {
            return .number(String(describing: value), value)
        }
        return nil
    }
}
