import Foundation

/// Line-level Markdown facts the lint rules need: headings, fenced code, links.
enum MarkdownLines {
    /// A fenced code block: its info string, first content line (1-based) and lines.
    struct CodeBlock {
        var language: String
        var startLine: Int
        var lines: [Substring]
    }

    /// A Markdown link or image target found on a line outside code.
    struct Link {
        var target: String
        var line: Int
    }

    /// The heading on `line` (ATX `#`…`######`), or nil.
    static func heading<S: StringProtocol>(_ line: S) -> (level: Int, text: String)? {
        guard line.utf8.first(where: { $0 != 0x20 }) == UInt8(ascii: "#") else { return nil }
        let content = line.drop(while: { $0 == " " })
        // Characters dropped (blanks before the `#`), counted without walking the whole line.
        guard line.distance(from: line.startIndex, to: content.startIndex) <= 3 else { return nil }
        let hashes = content.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = content.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = Trim.whitespaces(rest)
        while text.hasSuffix("#") { text.removeLast() }
        return (hashes, Trim.whitespaces(text))
    }

    /// Which prose lines `split` returns.
    enum ProseLines {
        /// Every line outside fenced code.
        case all
        /// Only those that may hold a link (contain `](`), all `links(in:)` looks at.
        case linkCandidates
        /// Those that may hold a link or inline code (contain `](` or a backtick).
        case linkOrCodeCandidates
        /// None.
        case none
    }

    /// Splits `text` into fenced code blocks (only those in `languages`, when given) and the
    /// remaining prose lines (with line numbers).
    static func split(
        _ text: String, prose: ProseLines = .all, languages: Set<String>? = nil
    ) -> (code: [CodeBlock], prose: [(line: Int, text: Substring)]) {
        split(text, keep: prose, languages: languages)
    }

    /// The fenced code blocks of `text` only (only those whose language is in `languages`,
    /// when given).
    static func codeBlocks(_ text: String, languages: Set<String>? = nil) -> [CodeBlock] {
        split(text, keep: .none, languages: languages).code
    }

    /// Walks the lines as bytes; only lines whose first non-blank byte is a backtick or tilde
    /// (possible fences) are looked at as text, and only kept lines become slices.
    private static func split(
        _ text: String, keep: ProseLines, languages: Set<String>?
    ) -> (code: [CodeBlock], prose: [(line: Int, text: Substring)]) {
        var code: [CodeBlock] = []
        var prose: [(line: Int, text: Substring)] = []
        var open: (fence: Substring, block: CodeBlock, kept: Bool)?
        let utf8 = text.utf8
        func slice(_ start: Int, _ end: Int) -> Substring {
            text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
        }
        func keepsProse(_ line: Substring) -> Bool {
            switch keep {
            case .all: true
            case .linkCandidates: TextScan.lineContains(line, "](")
            case .linkOrCodeCandidates: TextScan.lineContains(line, "](") || TextScan.lineContains(line, "`")
            case .none: false
            }
        }
        TextScan.forEachLine(text) { index, bytes, start, end in
            var first = start
            while first < end, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
            let fenceLike = first < end && (bytes[first] == UInt8(ascii: "`") || bytes[first] == UInt8(ascii: "~"))
            if !fenceLike {
                if open != nil {
                    if open?.kept == true { open?.block.lines.append(slice(start, end)) }
                } else if keep == .all || (keep == .linkCandidates && hasLinkOpener(bytes, start, end))
                    || (keep == .linkOrCodeCandidates && (hasLinkOpener(bytes, start, end) || hasBacktick(bytes, start, end)))
                {
                    prose.append((index + 1, slice(start, end)))
                }
                return
            }
            let line = slice(start, end)
            let trimmed = line.drop(while: { $0 == " " })
            if var current = open {
                if trimmed.hasPrefix(current.fence) && trimmed.drop(while: { $0 == current.fence.first }).allSatisfy(\.isWhitespace) {
                    if current.kept { code.append(current.block) }
                    open = nil
                } else {
                    if current.kept { current.block.lines.append(line) }
                    open = current
                }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let marker = trimmed.first ?? "`"
                let fence = trimmed.prefix(while: { $0 == marker })
                let info = Trim.whitespaces(trimmed.dropFirst(fence.count))
                let language = String(info.split(separator: " ").first ?? "").lowercased()
                open = (fence, CodeBlock(language: language, startLine: index + 2, lines: []), languages?.contains(language) ?? true)
            } else if keepsProse(line) {
                prose.append((index + 1, line))
            }
        }
        if let current = open, current.kept { code.append(current.block) }
        return (code, prose)
    }

    /// True when `bytes[start..<end]` contains a backtick.
    private static func hasBacktick(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard let base = bytes.baseAddress, start < end else { return false }
        return memchr(base + start, Int32(UInt8(ascii: "`")), end - start) != nil
    }

    /// The inline code spans of a prose line (single-backtick delimited; an unclosed one is not a span).
    static func inlineCode(_ line: Substring) -> [Substring] {
        var spans: [Substring] = []
        var open: Substring.Index?
        var index = line.startIndex
        while index != line.endIndex {
            if line[index] == "`" {
                if let start = open {
                    if start != index { spans.append(line[start..<index]) }
                    open = nil
                } else {
                    open = line.index(after: index)
                }
            }
            index = line.index(after: index)
        }
        return spans
    }

    /// True when `bytes[start..<end]` contains `](`.
    private static func hasLinkOpener(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var index = start
        while index + 1 < end, let hit = memchr(base + index, Int32(UInt8(ascii: "]")), end - 1 - index) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if bytes[at + 1] == UInt8(ascii: "(") { return true }
            index = at + 1
        }
        return false
    }

    /// Link and image targets `[text](target)` / `![alt](target)` on prose lines, skipping
    /// inline code spans.
    static func links(in prose: [(line: Int, text: Substring)]) -> [Link] {
        var links: [Link] = []
        for (number, line) in prose where TextScan.lineContains(line, "](") {
            // ASCII lines: bytes are characters, so scan the bytes (same result, no Character array).
            if line.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
                links += asciiLinks(Array(line.utf8), line: number)
                continue
            }
            var inCode = false
            let chars = Array(line)
            var index = 0
            while index < chars.count {
                let char = chars[index]
                if char == "`" { inCode.toggle() }
                if !inCode, char == "]", index + 1 < chars.count, chars[index + 1] == "(" {
                    var end = index + 2
                    var depth = 0
                    while end < chars.count {
                        if chars[end] == "(" { depth += 1 }
                        if chars[end] == ")" {
                            if depth == 0 { break }
                            depth -= 1
                        }
                        end += 1
                    }
                    if end < chars.count {
                        var target = Trim.whitespaces(String(chars[(index + 2)..<end]))
                        if let space = target.firstIndex(of: " ") { target = String(target[..<space]) }
                        if target.hasPrefix("<"), target.hasSuffix(">") { target = String(target.dropFirst().dropLast()) }
                        links.append(Link(target: target, line: number))
                        index = end
                    }
                }
                index += 1
            }
        }
        return links
    }

    /// `links(in:)` for one ASCII line, scanning bytes.
    private static func asciiLinks(_ bytes: [UInt8], line number: Int) -> [Link] {
        var links: [Link] = []
        var inCode = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "`") { inCode.toggle() }
            if !inCode, byte == UInt8(ascii: "]"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "(") {
                var end = index + 2
                var depth = 0
                while end < bytes.count {
                    if bytes[end] == UInt8(ascii: "(") { depth += 1 }
                    if bytes[end] == UInt8(ascii: ")") {
                        if depth == 0 { break }
                        depth -= 1
                    }
                    end += 1
                }
                if end < bytes.count {
                    var target = Trim.whitespaces(String(decoding: bytes[(index + 2)..<end], as: UTF8.self))
                    if let space = target.firstIndex(of: " ") { target = String(target[..<space]) }
                    if target.hasPrefix("<"), target.hasSuffix(">") { target = String(target.dropFirst().dropLast()) }
                    links.append(Link(target: target, line: number))
                    index = end
                }
            }
            index += 1
        }
        return links
    }
}
