import Foundation

/// Token estimates for a skill: `ceil(unicode scalars / 4)`, the rule of thumb for English text
/// under common LLM tokenizers. It is an estimate, stable across runs and machines.
public struct TokenReport: Sendable, Equatable, Codable {
    /// One body section, from a heading to the next heading of any level.
    public struct Section: Sendable, Equatable, Codable {
        /// The heading text (`(intro)` for text before the first heading).
        public var heading: String
        /// Heading level 1–6 (0 for the intro).
        public var level: Int
        /// 1-based line in SKILL.md's body where the section starts.
        public var line: Int
        /// Estimated tokens.
        public var tokens: Int
    }

    /// Estimated tokens of the description.
    public var description: Int
    /// Estimated tokens of the whole body.
    public var body: Int
    /// Per-section estimates, in document order.
    public var sections: [Section]

    /// An empty report (no SKILL.md).
    public static let empty = TokenReport(description: 0, body: 0, sections: [])

    /// `ceil(unicode scalars / 4)`.
    public static func estimate<S: StringProtocol>(_ text: S) -> Int {
        (text.unicodeScalars.count + 3) / 4
    }

    /// Measures `description` and splits `body` at ATX headings outside code fences.
    public static func measure(description: String, body: String) -> TokenReport {
        var sections: [Section] = []
        var current = Section(heading: "(intro)", level: 0, line: 1, tokens: 0)
        var chars = 0
        var fence: Substring?
        let utf8 = body.utf8
        // Valid UTF-8: scalars are the bytes that do not continue one (same as unicodeScalars.count).
        let bodyScalars = TextScan.scalarCount(body[...])
        let ascii = bodyScalars == utf8.count  // then every byte is a scalar
        // Lines are counted as bytes; only those that may open a fence or a heading become text.
        TextScan.forEachLine(body) { index, bytes, start, end in
            var firstAt = start
            while firstAt < end, bytes[firstAt] == 0x20 || bytes[firstAt] == 0x09 { firstAt += 1 }
            let first = firstAt < end ? bytes[firstAt] : 0
            guard first == UInt8(ascii: "`") || first == UInt8(ascii: "~") || first == UInt8(ascii: "#") else {
                chars += (ascii ? end - start : TextScan.scalarCount(bytes, start, end)) + 1
                return
            }
            let line = body[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
            let trimmed = line.drop(while: { $0 == " " })
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
            } else if let heading = MarkdownLines.heading(line) {
                if chars > 0 || current.level > 0 {
                    current.tokens = (chars + 3) / 4
                    sections.append(current)
                }
                current = Section(heading: heading.text, level: heading.level, line: index + 1, tokens: 0)
                chars = 0
            }
            chars += TextScan.scalarCount(line) + 1
        }
        if chars > 0 || current.level > 0 {
            current.tokens = (chars + 3) / 4
            sections.append(current)
        }
        let bodyTokens = (bodyScalars + 3) / 4
        return TokenReport(description: estimate(description), body: bodyTokens, sections: sections)
    }
}
