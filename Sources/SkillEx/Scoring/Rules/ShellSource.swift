import Foundation

/// Shell command lines of a skill: its shell scripts, shell code blocks in its Markdown files,
/// and SKILL.md's inline code that is a command (`` `curl … | sh` ``) — never prose.
struct ShellSource {
    /// One command line and where it is.
    struct Line {
        var file: String
        var line: Int
        var text: Substring
        /// True in a Markdown block that the prose just above presents as an attack or a bad
        /// example (`attacker`, `payload`, `malicious`, `exploit`…): shown to be recognised.
        var example = false
    }

    /// Words that, just above a code block, present it as an attack to recognise.
    static let attackCues = ["attack", "payload", "malicious", "exploit", "vulnerable", "insecure", "compromise"]

    /// True when the block's first non-blank line is a comment naming it as an attack
    /// (`# Attacker's code in a fork PR:`).
    static func opensWithAttackComment(_ lines: [Substring]) -> Bool {
        guard let first = lines.lazy.map({ $0.drop(while: { $0 == " " || $0 == "\t" }) }).first(where: { !$0.isEmpty }),
            first.hasPrefix("#") || first.hasPrefix("//")
        else { return false }
        let lower = TextScan.asciiLowercased(String(first))
        return attackCues.contains(where: { TextScan.contains(lower, $0) })
    }

    /// True when one of the (at most three) non-blank lines above line `fence` (1-based) of
    /// `lines` names the block as an attack; a fence or heading above ends the look-back
    /// after it is read.
    static func presentsAttack(_ lines: [Substring], fence: Int) -> Bool {
        var index = fence - 2
        var seen = 0
        while index >= 0, seen < 3 {
            let line = lines[index].drop(while: { $0 == " " })
            index -= 1
            if line.isEmpty { continue }
            if line.hasPrefix("```") || line.hasPrefix("~~~") { return false }
            seen += 1
            let lower = TextScan.asciiLowercased(String(line))
            if attackCues.contains(where: { TextScan.contains(lower, $0) }) { return true }
            if line.hasPrefix("#") { return false }
        }
        return false
    }

    /// Code block languages read as shell (an unlabelled block counts too).
    static let shellLanguages: Set<String> = [
        "", "sh", "bash", "shell", "zsh", "ksh", "dash", "console", "shell-session", "fish",
    ]

    /// Extensions of shell scripts.
    static let shellSuffixes = [".sh", ".bash", ".zsh", ".ksh", ".dash"]

    /// Programs that make an inline code span a command.
    static let commandWords: Set<Substring> = [
        "curl", "wget", "rm", "chmod", "chown", "cp", "mv", "tee", "dd", "mkdir", "touch", "install", "ln", "rsync",
        "bash", "sh", "zsh", "sudo", "echo", "cat", "printf", "env", "exec",
    ]

    /// True for a shell script: a shell extension, or an extension-less file under scripts/
    /// whose first line is a `#!` naming a shell.
    static func isShellScript(_ path: String, _ text: String) -> Bool {
        if shellSuffixes.contains(where: { path.hasSuffix($0) }) { return true }
        guard path.hasPrefix("scripts/"), let name = path.split(separator: "/").last, !name.contains("."),
            text.hasPrefix("#!")
        else { return false }
        let first = text.prefix(while: { $0 != "\n" })
        return first.hasSuffix("sh") || first.contains("sh ") || first.contains("bash")
    }

    /// True when an inline code span reads as a command: its first word (after `$ `) is a
    /// program in `commandWords`.
    static func isCommand(_ span: Substring) -> Bool {
        var text = span.drop(while: { $0 == " " })
        if text.hasPrefix("$ ") { text = text.dropFirst(2) }
        guard let first = text.split(separator: " ", maxSplits: 1).first else { return false }
        return commandWords.contains(first)
    }

    /// Every non-comment line of every shell script and every shell code block, and every
    /// inline code span of SKILL.md that is a command.
    static func lines(of skill: LintContext) -> [Line] {
        var out: [Line] = []
        let texts = skill.texts.sorted(by: { $0.key < $1.key })
        for (path, text) in texts where isShellScript(path, text) {
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
        for (number, line) in skill.markdown.prose where TextScan.lineContains(line, "`") {
            for span in MarkdownLines.inlineCode(line) where isCommand(span) {
                var text = span.drop(while: { $0 == " " })
                if text.hasPrefix("$ ") { text = text.dropFirst(2) }
                out.append(Line(file: "SKILL.md", line: number, text: text))
            }
        }
        for (path, blocks) in markdown {
            var fileLines: [Substring]?  // split only for a block that may hold a risky command
            for block in blocks where shellLanguages.contains(block.language) {
                var example = false
                if path != "SKILL.md", block.lines.contains(where: mayBeRisky),
                    let text = skill.texts[path]
                {
                    let lines = fileLines ?? TextScan.lines(text)
                    fileLines = lines
                    example = presentsAttack(lines, fence: block.startLine - 1) || opensWithAttackComment(block.lines)
                }
                for (offset, line) in block.lines.enumerated() {
                    var trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
                    if trimmed.hasPrefix("$ ") { trimmed = trimmed.dropFirst(2) }
                    if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                    out.append(Line(file: path, line: block.startLine + offset, text: trimmed, example: example))
                }
            }
        }
        return out
    }

    /// True for a line that could hold a command the error rules look for.
    private static func mayBeRisky(_ line: Substring) -> Bool {
        TextScan.lineContains(line, "curl") || TextScan.lineContains(line, "wget") || TextScan.lineContains(line, "chmod")
            || TextScan.lineContains(line, "rm ") || TextScan.lineContains(line, ">")
    }

    /// The words of each simple command on `line` (split at unquoted `;`, `&&`, `||`, `|`, `&`),
    /// quotes removed, a leading `sudo`/`env`/`exec` dropped, and a trailing ` #` comment cut.
    /// Quoted text stays one word (`sed 's|a|b|'` is one command with one expression).
    static func commands(_ line: Substring) -> [[Substring]] {
        var commands: [[Substring]] = []
        var words: [Substring] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var previous: Character = " "
        func endWord() {
            if inWord { words.append(Substring(word)) }
            word = ""
            inWord = false
        }
        func endCommand() {
            endWord()
            while let first = words.first, first == "sudo" || first == "env" || first == "exec" { words.removeFirst() }
            if !words.isEmpty { commands.append(words) }
            words = []
        }
        for char in line {
            defer { previous = char }
            if let open = quote {
                if char == open { quote = nil } else { word.append(char) }
                continue
            }
            switch char {
            case "'", "\"":
                quote = char
                inWord = true
            case "#" where previous == " " || previous == "\t":
                endCommand()
                return commands
            case " ", "\t":
                endWord()
            case ";", "|", "&":
                endCommand()
            case "(", ")":
                endWord()
            default:
                word.append(char)
                inWord = true
            }
        }
        endCommand()
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
