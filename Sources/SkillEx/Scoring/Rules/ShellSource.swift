import Foundation

/// Shell command lines of a skill: its scripts, and shell code blocks in its Markdown files.
struct ShellSource {
    /// One command line and where it is.
    struct Line {
        var file: String
        var line: Int
        var text: Substring
    }

    /// Code block languages read as shell (an unlabelled block counts too).
    static let shellLanguages: Set<String> = [
        "", "sh", "bash", "shell", "zsh", "ksh", "dash", "console", "shell-session", "fish",
    ]

    /// Every non-comment line of every script and every shell code block.
    static func lines(of skill: LintContext) -> [Line] {
        var out: [Line] = []
        let texts = skill.texts.sorted(by: { $0.key < $1.key })
        for (path, text) in texts where path.hasPrefix("scripts/") {
            if path.hasSuffix(".py") || path.hasSuffix(".rb") || path.hasSuffix(".js") {
                continue  // not shell; static analysers cover these
            }
            let utf8 = text.utf8
            TextScan.forEachLine(text) { index, bytes, start, end in
                var first = start
                while first < end, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
                if first == end { return }  // blank
                // Next to a non-ASCII byte (maybe a combining mark, one Character with the blank
                // or `#` before it) the line is trimmed as Characters; otherwise bytes decide.
                let trimmed: Substring
                if bytes[first] >= 0x80 || (first + 1 < end && bytes[first + 1] >= 0x80) {
                    let line = text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
                    trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
                    if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
                } else {
                    if bytes[first] == UInt8(ascii: "#") { return }  // a comment
                    trimmed = text[utf8.index(utf8.startIndex, offsetBy: first)..<utf8.index(utf8.startIndex, offsetBy: end)]
                }
                out.append(Line(file: path, line: index + 1, text: trimmed))
            }
        }
        var markdown: [(String, [MarkdownLines.CodeBlock])] = [("SKILL.md", skill.markdown.code)]
        for (path, text) in texts where path.hasSuffix(".md") {
            markdown.append((path, MarkdownLines.codeBlocks(text, languages: shellLanguages)))
        }
        for (path, blocks) in markdown {
            for block in blocks where shellLanguages.contains(block.language) {
                for (offset, line) in block.lines.enumerated() {
                    var trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
                    if trimmed.hasPrefix("$ ") { trimmed = trimmed.dropFirst(2) }
                    if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                    out.append(Line(file: path, line: block.startLine + offset, text: trimmed))
                }
            }
        }
        return out
    }

    /// The words of each simple command on `line` (split at `;`, `&&`, `||`, `|`), quotes removed,
    /// a leading `sudo`/`env` dropped, and a trailing ` #` comment cut.
    static func commands(_ line: Substring) -> [[Substring]] {
        var text = line
        if let hash = text.range(of: " #") { text = text[..<hash.lowerBound] }
        var commands: [[Substring]] = []
        for segment in text.split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "&" }) {
            var words = segment.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { word in
                Self.unquoted(word)
            }
            while let first = words.first, first == "sudo" || first == "env" || first == "exec" {
                words.removeFirst()
            }
            if !words.isEmpty { commands.append(words) }
        }
        return commands
    }

    /// `word` without leading and trailing `"`, `'`, `(` and `)` (ASCII, so trimmed by byte).
    static func unquoted(_ word: Substring) -> Substring {
        let utf8 = word.utf8
        func strip(_ byte: UInt8) -> Bool { byte == 0x22 || byte == 0x27 || byte == 0x28 || byte == 0x29 }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start != end, strip(utf8[start]) { start = utf8.index(after: start) }
        while end != start, strip(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        if start == utf8.startIndex, end == utf8.endIndex { return Substring(String(word)) }
        return Substring(String(decoding: utf8[start..<end], as: UTF8.self))
    }
}
