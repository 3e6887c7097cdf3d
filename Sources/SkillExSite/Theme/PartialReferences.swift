import Foundation

/// Finds `{{> name}}` and `{{< name}}` tags naming templates that do not exist.
enum PartialReferences {
    /// The line and name of the first reference in `text` to a template not in `known`.
    static func firstMissing(in text: String, known: Set<String>) -> (Int, String)? {
        all(in: text).first { !known.contains($0.name) }.map { ($0.line, $0.name) }
    }

    /// Every partial or parent reference in `text`, with its 1-based line, in order (scanned as
    /// bytes: template tags are ASCII).
    static func all(in text: String) -> [(line: Int, name: String)] {
        let bytes = Array(text.utf8)
        var found: [(line: Int, name: String)] = []
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
            } else if byte == UInt8(ascii: "{"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                bytes[index + 2] == UInt8(ascii: ">") || bytes[index + 2] == UInt8(ascii: "<")
            {
                var end = index + 3
                while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "}") && bytes[end + 1] == UInt8(ascii: "}")) {
                    end += 1
                }
                guard end + 1 < bytes.count else { break }
                let name = String(decoding: bytes[(index + 3)..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                if !name.isEmpty { found.append((line, name)) }
                line += bytes[index..<end].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                index = end + 2
                continue
            }
            index += 1
        }
        return found
    }
}
