import Foundation

/// A block of lines between two marker lines that `skillex init` owns inside a file people also
/// edit (README.md, .gitlab-ci.yml); a re-run replaces the block in place and leaves the rest.
public struct MarkedSection: Sendable, Equatable {
    /// The first line of the block.
    public var begin: String
    /// The last line of the block.
    public var end: String

    /// Markers as HTML comments, for Markdown.
    public static let markdown = MarkedSection(
        begin: "<!-- skillex init: begin (this section is updated by `skillex init`) -->",
        end: "<!-- skillex init: end -->")
    /// Markers as `#` comments, for YAML.
    public static let yaml = MarkedSection(
        begin: "# skillex init: begin (this block is updated by `skillex init`)",
        end: "# skillex init: end")

    /// Markers from their two lines.
    public init(begin: String, end: String) {
        self.begin = begin
        self.end = end
    }

    /// `body` wrapped in the markers, ending with a newline.
    public func wrap(_ body: String) -> String {
        let inner = body.hasSuffix("\n") ? body : body + "\n"
        return begin + "\n" + inner + end + "\n"
    }

    /// Where the block is in `text` (from its begin line through its end line and newline);
    /// nil when there is no begin line. Matching is on the start of the marker lines, so a
    /// reworded marker tail still counts.
    public func locate(in text: String) throws(OnboardingError) -> Range<String.Index>? {
        let beginKey = Self.key(begin)
        let endKey = Self.key(end)
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let lineEnd = text[index...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[index..<lineEnd]
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
            if start == nil, line.hasPrefix(beginKey) {
                start = index
            } else if let start, line.hasPrefix(endKey) {
                return start..<next
            }
            index = next
        }
        if start != nil {
            throw .unreadable(path: "", reason: "has the line '\(beginKey)' but no '\(endKey)' after it")
        }
        return nil
    }

    /// `text` with its block replaced by `block` (a `wrap` result), or `block` appended after a
    /// blank line when there is none yet.
    public func update(_ text: String, with block: String) throws(OnboardingError) -> String {
        if let range = try locate(in: text) {
            var copy = text
            copy.replaceSubrange(range, with: block)
            return copy
        }
        if text.isEmpty { return block }
        let separator = text.hasSuffix("\n\n") ? "" : (text.hasSuffix("\n") ? "\n" : "\n\n")
        return text + separator + block
    }

    /// The current block in `text`, or nil.
    public func current(in text: String) throws(OnboardingError) -> String? {
        guard let range = try locate(in: text) else { return nil }
        return String(text[range])
    }

    /// The marker up to its first " (" — what identifies it.
    private static func key(_ marker: String) -> String {
        if let paren = marker.range(of: " (") { return String(marker[..<paren.lowerBound]) }
        return marker
    }
}
