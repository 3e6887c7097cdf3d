/// A model tree (dictionaries, arrays, leaves) written out with sorted keys and type names, so
/// two trees compare as text in the model tests.
enum ModelTreeText {
    static func text(_ value: Any?) -> String {
        switch value {
        case nil: return "nil"
        case let dictionary as [String: Any]:
            return "{" + dictionary.keys.sorted().map { "\($0): \(text(dictionary[$0]))" }.joined(separator: ", ") + "}"
        case let array as [Any]: return "[" + array.map { text($0) }.joined(separator: ", ") + "]"
        case let value?: return "\(type(of: value))(\(value))"
        }
    }
}
