import Foundation

/// `trimmingCharacters(in: .whitespaces / .whitespacesAndNewlines)` without bridging to
/// NSString when both ends stop at ASCII (the usual case); when an end reaches a non-ASCII
/// scalar (which may be Unicode whitespace) Foundation decides, so results are identical.
enum Trim {
    /// `text` without leading and trailing spaces and tabs (Unicode `Zs` via Foundation).
    static func whitespaces<S: StringProtocol>(_ text: S) -> String {
        trim(Substring(text), newlines: false)
    }

    /// `text` without leading and trailing whitespace and line breaks.
    static func whitespacesAndNewlines<S: StringProtocol>(_ text: S) -> String {
        trim(Substring(text), newlines: true)
    }

    private static func trim(_ text: Substring, newlines: Bool) -> String {
        let utf8 = text.utf8
        func blank(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || (newlines && byte >= 0x0A && byte <= 0x0D)
        }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start != end, blank(utf8[start]) { start = utf8.index(after: start) }
        while end != start {
            let before = utf8.index(before: end)
            guard blank(utf8[before]) else { break }
            end = before
        }
        if start != end, utf8[start] >= 0x80 || utf8[utf8.index(before: end)] >= 0x80 {
            return text.trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
        }
        return String(text[start..<end])
    }
}
