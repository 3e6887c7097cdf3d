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
        // Told apart by metadata (a pointer compare): structs and arrays pay no dynamic cast.
        let type = T.self
        if type == String.self || type == Bool.self || type == Int.self || type == Double.self { return value }
        if type == Int8.self || type == Int16.self || type == Int32.self || type == Int64.self || type == UInt.self
            || type == UInt8.self || type == UInt16.self || type == UInt32.self || type == UInt64.self || type == Float.self
        {
            return value  // the other numbers, as they are
        }
        return nil
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
