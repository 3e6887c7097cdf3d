import Foundation
/// Finds `{{> name}}` and `{{< name}}` tags naming templates that do not exist.
enum PartialReferences {
    /// The line and name of the first reference in `text` to a template not in `known`.
    static func firstMissing(in text: String, known: Set<String>) -> (Int, String)? {
        var line = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\n" { line += 1 }
            if text[index...].hasPrefix("{{") {
                var cursor = text.index(index, offsetBy: 2)
                if cursor < text.endIndex, text[cursor] == ">" || text[cursor] == "<" {
                    cursor = text.index(after: cursor)
                    guard let close = text[cursor...].range(of: "}}") else { return nil }
                    let name = text[cursor..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                    if !name.isEmpty, !known.contains(name) { return (line, name) }
                }
            }
            index = text.index(after: index)
        }
        return nil
    }
}
