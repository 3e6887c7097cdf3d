public import Foundation

/// A screen in front of Foundation's JSON parser for data from outside. Foundation refuses
/// nesting past 512 levels, but when that limit is reached at the very end of the input
/// (`[` 513 times, nothing else) it traps in `JSONError.SourceLocation` while describing the
/// error: a hostile `index.json`, event log line or report killed the process with SIGILL. No
/// file SkillEx reads nests anywhere near `maxDepth`, so deeper input is refused here first.
public enum JSONNesting {
    /// The deepest nesting of arrays and objects accepted.
    public static let maxDepth = 256

    /// Throws `DecodingError.dataCorrupted` when `data` nests arrays and objects deeper than
    /// `maxDepth` (brackets inside strings do not count).
    public static func check(_ data: Data) throws {
        var depth = 0
        var inString = false
        var escaped = false
        var offset = 0
        let tooDeep: Bool = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            for byte in bytes {
                defer { offset += 1 }
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth > maxDepth { return true }
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
                default: break
                }
            }
            return false
        }
        if tooDeep {
            throw DecodingError.dataCorrupted(.init(
                codingPath: [], debugDescription: "arrays and objects nested more than \(maxDepth) levels deep (byte \(offset))"))
        }
    }
}

extension JSONDecoder {
    /// `decode(_:from:)` behind `JSONNesting.check`: the way to decode JSON from outside.
    public func decodeChecked<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONNesting.check(data)
        return try decode(type, from: data)
    }
}
