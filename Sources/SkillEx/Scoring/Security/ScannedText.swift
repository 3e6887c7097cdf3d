import Foundation

/// One text file of a skill as the security rules read it: the text, a lower-cased copy for
/// keyword pre-checks, line starts for turning match positions into line numbers, and (for
/// Markdown) which lines sit inside fenced code blocks.
final class ScannedText {
    /// Path inside the skill.
    let path: String
    /// The file's text.
    let text: String
    /// `text` with ASCII letters lower-cased (only for keywords the matcher does not hold).
    private(set) lazy var lower: String = TextScan.asciiLowercased(text)
    /// The single pass over the text: keyword lines, line starts, high lead bytes.
    private lazy var pass: KeywordPass = {
        var copy = text
        return copy.withUTF8 { SecurityKeywords.matcher.scan($0) }
    }()
    /// Where the security rules' keywords occur.
    private(set) lazy var keywordLines: KeywordLines = pass.keywords
    /// True when the text may hold a hidden character (a UTF-8 lead byte of 0xE1 or above).
    var mayHoldHidden: Bool { pass.hasHighLead }
    /// True for Markdown (`.md`, `.markdown`, `.mdx`).
    let isMarkdown: Bool
    /// UTF-8 offset where each line starts.
    private(set) lazy var lineStarts: [Int] = pass.lineStarts
    /// 1-based lines inside fenced code blocks (Markdown only).
    private(set) lazy var fencedLines: Set<Int> = isMarkdown ? Self.fenced(text) : []

    init(path: String, text: String) {
        self.path = path
        self.text = text
        let name = TextScan.asciiLowercased(path)
        isMarkdown = name.hasSuffix(".md") || name.hasSuffix(".markdown") || name.hasSuffix(".mdx")
    }

    /// True when the lower-cased text holds `needle` (lower-case ASCII).
    func has(_ needle: String) -> Bool {
        if let id = SecurityKeywords.matcher.id(needle) { return keywordLines.has(id) }
        return TextScan.contains(lower, needle)
    }

    /// True when the lower-cased text holds any of `needles`.
    func hasAny(_ needles: KeywordSet) -> Bool {
        if let ids = needles.ids {
            let found = keywordLines
            return ids.contains { found.has($0) }
        }
        return needles.words.contains { has($0) }
    }

    /// Every match of `regex` in the text: the matched text, its 1-based line and that line.
    func matches(_ regex: NSRegularExpression?) -> [(match: NSTextCheckingResult, line: Int, lineText: Substring)] {
        guard let regex else { return [] }
        let nsText = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: nsText.length)).compactMap { match in
            guard let range = Range(match.range, in: text) else { return nil }
            let offset = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound.samePosition(in: text.utf8) ?? text.utf8.startIndex)
            let line = lineNumber(utf8Offset: offset)
            return (match, line, lineText(line))
        }
    }

    /// Matches of `regex` on the lines whose lower-cased text holds one of `keywords` (each
    /// match must contain one): the regex runs on those lines alone, not the whole file.
    func lineMatches(_ regex: NSRegularExpression?, anyOf keywords: KeywordSet) -> [(match: Substring, line: Int, lineText: Substring)] {
        lineGroups(regex, anyOf: keywords).map { ($0.groups[0], $0.line, $0.lineText) }
    }

    /// As `lineMatches`, with every capture group (group 0 first; empty when it took no part).
    /// `shaped`, when given, is a cheap test of a line's bytes (without its line break) that
    /// every line the regex can match passes: lines failing it are skipped without the regex.
    func lineGroups(
        _ regex: NSRegularExpression?, anyOf keywords: KeywordSet,
        where shaped: ((UnsafeBufferPointer<UInt8>) -> Bool)? = nil
    ) -> [(groups: [Substring], line: Int, lineText: Substring)] {
        var candidates = lines(holdingAnyOf: keywords)
        guard let regex, !candidates.isEmpty else { return [] }
        if let shaped {
            let starts = lineStarts
            var copy = text
            candidates = copy.withUTF8 { bytes in
                candidates.filter { line in
                    let start = starts[line - 1]
                    let end = line < starts.count ? starts[line] - 1 : bytes.count
                    return shaped(UnsafeBufferPointer(rebasing: bytes[start..<max(start, end)]))
                }
            }
        }
        var out: [(groups: [Substring], line: Int, lineText: Substring)] = []
        for line in candidates {
            let lineText = self.lineText(line)
            let string = String(lineText)
            for found in regex.matches(in: string, range: NSRange(location: 0, length: (string as NSString).length)) {
                let groups = (0..<found.numberOfRanges).map { index -> Substring in
                    guard let range = Range(found.range(at: index), in: string) else { return "" }
                    let offset = string.utf8.distance(from: string.startIndex, to: range.lowerBound)
                    let length = string.utf8.distance(from: range.lowerBound, to: range.upperBound)
                    let utf8 = lineText.utf8
                    let from = utf8.index(utf8.startIndex, offsetBy: offset), to = utf8.index(from, offsetBy: length)
                    return lineText[from..<to]
                }
                out.append((groups, line, lineText))
            }
        }
        return out
    }

    /// The ascending 1-based lines whose lower-cased text holds one of `keywords`.
    func lines(holdingAnyOf keywords: KeywordSet) -> [Int] {
        if let ids = keywords.ids { return keywordLines.union(ids) }
        let present = keywords.words.filter { has($0) }
        guard !present.isEmpty else { return [] }
        let lowerUTF8 = lower.utf8
        return (1...lineStarts.count).filter { line in
            let start = lineStarts[line - 1]
            let end = line < lineStarts.count ? lineStarts[line] - 1 : lowerUTF8.count
            guard end > start else { return false }
            let from = lowerUTF8.index(lowerUTF8.startIndex, offsetBy: start)
            let lowered = String(lower[from..<lowerUTF8.index(from, offsetBy: end - start)])
            return present.contains { TextScan.contains(lowered, $0) }
        }
    }

    /// The captured group `index` of `match` (empty when it did not take part).
    func group(_ match: NSTextCheckingResult, _ index: Int) -> Substring {
        guard index < match.numberOfRanges, let range = Range(match.range(at: index), in: text) else { return "" }
        return text[range]
    }

    /// The 1-based line holding the byte at `utf8Offset`.
    func lineNumber(utf8Offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= utf8Offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// The text of 1-based `line`, without its line break.
    func lineText(_ line: Int) -> Substring {
        let utf8 = text.utf8
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[line - 1])
        let end = line < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: lineStarts[line] - 1) : utf8.endIndex
        return text[start..<end]
    }

    private static func fenced(_ text: String) -> Set<Int> {
        var out = Set<Int>()
        var fence: Substring?
        for (index, raw) in TextScan.lines(text).enumerated() {
            let line = raw.drop { $0 == " " }
            if let open = fence {
                out.insert(index + 1)
                if line.hasPrefix(open) { fence = nil }
            } else if line.hasPrefix("```") || line.hasPrefix("~~~") {
                fence = line.prefix(3)
                out.insert(index + 1)
            }
        }
        return out
    }
}

/// Context checks shared by the rules: negation, discussion and quotation around a match.
enum MatchContext {
    /// Words that turn a line into a discussion of an attack rather than an instance of one.
    static let discussionWords = [
        "injection", "attacker", "malicious", "adversar", "e.g.", "for example", "such as", "phrases like",
        "red team", "detect", "flagged", "flags ", "example:", "threat model", "watch out for", "beware",
    ]
    /// Words that negate an action when they come shortly before it.
    static let negations = ["never ", "not ", "n't ", "avoid ", "no ", "instead of ", "refuse to ", "rather than "]

    /// True when the `window` characters before the match in its line hold a negation.
    static func negated(_ line: Substring, before match: Substring) -> Bool {
        guard let at = line.range(of: match)?.lowerBound else { return false }
        let head = line[line.startIndex..<at].suffix(28).lowercased()
        return negations.contains { head.contains($0) }
    }

    /// True when the line discusses attacks (docs, threat models, examples).
    static func discusses(_ line: Substring) -> Bool {
        let lower = line.lowercased()
        return discussionWords.contains { lower.contains($0) }
    }

    /// True when the match sits inside quotes or a code span on its line.
    static func quoted(_ line: Substring, match: Substring) -> Bool {
        guard let at = line.range(of: match)?.lowerBound else { return false }
        let head = line[line.startIndex..<at]
        let count = { (c: Character) in head.reduce(0) { $0 + ($1 == c ? 1 : 0) } }
        return count("\"") % 2 == 1 || count("`") % 2 == 1 || count("“") > count("”") || count("«") > count("»")
    }
}
