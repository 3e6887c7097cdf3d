import SkillEx

/// Turns an `Encodable` view model into the dictionaries, arrays and leaves Mustache reads,
/// through its synthesized conformance: the same tree `ModelTree`'s `Mirror` walk makes (nil
/// optionals left out, numbers and strings as they are), without reflection, which was a seventh
/// of a cold build. It runs on SkillEx's tree skeleton (`EncodedTreeNode`).
enum ModelEncoder {
    /// The tree of `value`.
    static func tree(_ value: any Encodable) -> Any? {
        let node = EncodedTreeNode<MustacheModelShape>()
        try? node.store(value, codingPath: [])
        return MustacheModelShape.finish(node)
    }
}

/// Mustache models on the shared skeleton: leaves as they are, nils left out (so an item or
/// member that is nil disappears), `super` into the container's own node.
enum MustacheModelShape: EncodedTreeShape {
    static func leaf<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> Any? {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let number as Int: return number
        case let number as Double: return number
        case is Int8, is Int16, is Int32, is Int64, is UInt, is UInt8, is UInt16, is UInt32, is UInt64, is Float:
            return value  // the other numbers, as they are
        default: return nil
        }
    }

    static var null: Any? { nil }
    static var superKey: String? { nil }

    /// A leaf, an array (nils dropped) or a dictionary (nils dropped); nil for an empty node.
    static func finish(_ node: EncodedTreeNode<Self>) -> Any? {
        if let leaf = node.leaf { return leaf }
        if let items = node.items { return items.compactMap(finish) }
        if let fields = node.fields {
            var out: [String: Any] = [:]
            out.reserveCapacity(fields.count)
            for (key, child) in fields {
                if let value = finish(child) { out[key] = value }
            }
            return out
        }
        return nil
    }
}
