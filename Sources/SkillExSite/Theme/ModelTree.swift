/// Turns a view model (structs, arrays, optionals) into nested dictionaries and arrays once, so
/// Mustache looks names up by hash instead of reflecting the struct for every tag (which cost
/// half the build time).
enum ModelTree {
    /// The dictionary/array form of `value`; leaves (strings, numbers, booleans) stay as they are,
    /// nil optionals disappear (a missing key renders like nil).
    static func convert(_ value: Any) -> Any? {
        // Leaves first, without a Mirror (making one per string was most of the conversion);
        // a cast also unwraps an optional that holds a value.
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let number as Int: return number
        case let number as Double: return number
        default: break
        }
        // View models that are Encodable go through their synthesized conformance (no Mirror).
        if let model = value as? any Encodable { return ModelEncoder.tree(model) }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return nil }
            return convert(wrapped)
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let converted = convert(child.value) else { continue }
                fields[label] = converted
            }
            return fields
        case .collection, .set:
            return mirror.children.compactMap { convert($0.value) }
        case .dictionary:
            return value
        default:
            return value
        }
    }
}
