import Foundation

/// `shell-*`: dangerous shell in scripts and code blocks.
struct RiskyShellRule: LintRule {
    /// Builds the patterns this rule compiles on first use (`Scorer.prepareRules`).
    static func prepare() {
        _ = pipeToShell
        _ = chmod777
    }

    /// Targets that mean "everything" to `rm -r`.
    static let rootTargets: Set<String> = ["/", "/*", "/.", "~", "~/", "~/*", "$HOME", "$HOME/", "${HOME}", "${HOME}/", "$HOME/*"]
    /// Absolute places a script may write to without leaving its sandbox.
    static let harmlessPrefixes = ["/dev/null", "/dev/stdout", "/dev/stderr", "/dev/fd/", "/tmp/", "/tmp"]
    /// Commands whose last argument is written to.
    static let writingCommands: Set<String> = ["cp", "mv", "install", "ln", "tee", "touch", "mkdir", "rsync", "dd"]

    /// Substrings without which a line cannot hold an `rm` or a writing command.
    static let commandHints: [StaticString] = ["rm", "cp", "mv", "install", "ln", "tee", "touch", "mkdir", "rsync", "dd"]

    let definitions = [
        RuleDefinition(
            id: "shell-rm-root", severity: .error,
            summary: "A recursive rm of / or the home folder.",
            remediation: "Delete only paths inside a working folder the script created, with `rm -rf -- \"$dir\"` after checking it is set."),
        RuleDefinition(
            id: "shell-pipe-to-shell", severity: .error,
            summary: "A download piped straight into a shell (`curl … | sh`).",
            remediation: "Download to a file, verify its checksum or signature, then run it; better, install from a package manager."),
        RuleDefinition(
            id: "shell-chmod-777", severity: .error,
            summary: "World-writable permissions (`chmod 777`).",
            remediation: "Grant the least access needed, e.g. `chmod 755` for programs or `chmod 644` for files."),
        RuleDefinition(
            id: "shell-write-outside", severity: .warning,
            summary: "A command writes to an absolute path outside the skill (other than /tmp and /dev).",
            remediation: "Write into the working folder or a temp folder (`mktemp -d`); ask before touching system paths."),
    ]

    /// A download (a `curl`/`wget` with arguments) piped to a shell; a bare `curl|bash` names
    /// the pattern (a heading, a checklist), it downloads nothing.
    private static let pipeToShell = try? NSRegularExpression(
        pattern: #"\b(curl|wget|fetch)\s+[^|\n]+\|\s*(sudo\s+(-\S+\s+)*)?(env\s+)?(ba|z|k|da|fi)?sh\b|\b(ba|z|k)?sh\s+(-c\s+)?["']?(\$\(|<\()\s*(curl|wget)\b"#)
    private static let chmod777 = try? NSRegularExpression(
        pattern: #"\bchmod\s+(-[a-zA-Z]+\s+)*(0?777|a\+rwx|ugo\+rwx|a=rwx)\b"#)

    func check(_ skill: LintContext) -> [LintHit] {
        var hits: [LintHit] = []
        for line in ShellSource.lines(of: skill) {
            let raw = line.text
            func hit(_ rule: String, _ message: (String) -> String) {
                let quoted = "`\(raw.prefix(80))`"
                // Shown as an attack to recognise (a security reference's payload): a note, so
                // it stays visible without refusing the skill that teaches to spot it.
                let text = line.example ? message(quoted) + " (shown as an example of an attack)" : message(quoted)
                hits.append(LintHit(rule: rule, message: text, file: line.file, line: line.line, cap: line.example ? .note : nil))
            }
            let cues = ShellCues(raw)
            if cues.contains(.download), Self.matchesCode(Self.pipeToShell, String(raw)) {
                hit("shell-pipe-to-shell") { "downloads and runs code unchecked: \($0)" }
            }
            if cues.contains(.chmod), Self.matchesCode(Self.chmod777, String(raw)) {
                hit("shell-chmod-777") { "makes files world-writable: \($0)" }
            }
            var outside = cues.contains(.redirect) ? (Self.redirectTarget(String(raw)).map { [$0] } ?? []) : []
            for words in cues.contains(.mayWrite) ? ShellSource.commands(line.text) : [] {
                guard let program = words.first.map({ $0.split(separator: "/").last ?? $0 }) else { continue }
                let args = words.dropFirst()
                if program == "rm" {
                    let recursive = args.contains { $0 == "--recursive" || ($0.hasPrefix("-") && !$0.hasPrefix("--") && ($0.contains("r") || $0.contains("R"))) }
                    let targets = args.filter { !$0.hasPrefix("-") }
                    if recursive, targets.contains(where: { Self.rootTargets.contains(String($0)) }) {
                        hit("shell-rm-root") { "recursively deletes the root or home folder: \($0)" }
                        continue
                    }
                    outside += targets.filter(Self.isOutside).map(String.init)
                } else if Self.writingCommands.contains(String(program)) {
                    let operands = args.filter { !$0.hasPrefix("-") }
                    if program == "dd" {
                        outside += operands.filter { $0.hasPrefix("of=") && Self.isOutside($0.dropFirst(3)) }.map(String.init)
                    } else if let last = operands.last, program == "tee" || program == "touch" || program == "mkdir" || operands.count >= 2, Self.isOutside(last) {
                        outside.append(String(last))
                    }
                }
            }
            if let first = outside.first {
                hit("shell-write-outside") { "writes outside the skill (\(first)): \($0)" }
            }
        }
        return hits
    }

    /// True for an absolute or home path other than /tmp and /dev; a path holding a placeholder
    /// (`<workspace>`, `${OUT}`, `/path/to/`; `${HOME}` aside) is not a real path.
    static func isOutside(_ path: Substring) -> Bool {
        guard path.hasPrefix("/") || path.hasPrefix("~") || path.hasPrefix("$HOME") || path.hasPrefix("${HOME}") else {
            return false
        }
        if path.contains("<") || path.contains(">") || path.contains("/path/to/") { return false }
        let rest = path.hasPrefix("${HOME}") ? path.dropFirst(7) : path
        if rest.contains("${") { return false }
        return !harmlessPrefixes.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }

    /// The first target of an output redirect (`> path`, `>> path`) on `text` that lies outside
    /// the skill. A `>` inside quotes (a `sed` expression, an `echo` string), closing a
    /// `<placeholder>`, in an arrow (`->`, `=>`), after a file descriptor (`2>`, `&>`) or
    /// duplicating one (`>&2`) is not such a redirect.
    static func redirectTarget(_ text: String) -> String? {
        let chars = Array(text)
        var quote: Character?
        var index = 0
        while index < chars.count {
            let char = chars[index]
            defer { index += 1 }
            if let open = quote {
                if char == open { quote = nil }
                continue
            }
            if char == "'" || char == "\"" {
                quote = char
                continue
            }
            guard char == ">" else { continue }
            if index > 0 {
                let before = chars[index - 1]
                if before == "-" || before == "=" || before == "&" || before == "<" || before.isNumber { continue }
                // `<name>`: letters, digits, `_`, `.`, `-` back to a `<`.
                var back = index - 1
                while back >= 0, chars[back].isLetter || chars[back].isNumber || "_.-".contains(chars[back]) { back -= 1 }
                if back >= 0, back < index - 1, chars[back] == "<" { continue }
            }
            var next = index + 1
            if next < chars.count, chars[next] == ">" { next += 1 }
            if next < chars.count, chars[next] == "&" || chars[next] == "(" { continue }
            while next < chars.count, chars[next] == " " || chars[next] == "\t" { next += 1 }
            var target = ""
            var inner: Character?
            while next < chars.count {
                let c = chars[next]
                if let open = inner {
                    if c == open { inner = nil } else { target.append(c) }
                } else if c == "'" || c == "\"" {
                    inner = c
                } else if c == " " || c == "\t" || ";|&()`".contains(c) {
                    break
                } else {
                    target.append(c)
                }
                next += 1
            }
            index = next - 1
            if isOutside(Substring(target)) { return target }
        }
        return nil
    }

    /// True when `regex` matches `text` as code: a match that starts inside a quoted string is
    /// data (`echo "install: curl … | sh"`, `grep "chmod 777"`) unless the string is handed to a
    /// shell (`sh -c "…"`, `eval "…"`).
    static func matchesCode(_ regex: NSRegularExpression?, _ text: String) -> Bool {
        guard let regex else { return false }
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            guard let opened = openQuote(in: text[..<range.lowerBound]) else { return true }
            let before = Trim.whitespaces(text[..<opened])
            if before.hasSuffix("-c") || before.hasSuffix("eval") || before.hasSuffix("$(") { return true }
        }
        return false
    }

    /// Where the quote still open at the end of `prefix` starts (nil when none is open).
    static func openQuote(in prefix: Substring) -> Substring.Index? {
        var open: (Character, Substring.Index)?
        var index = prefix.startIndex
        while index < prefix.endIndex {
            let char = prefix[index]
            if let (quote, _) = open {
                if char == quote { open = nil }
            } else if char == "'" || char == "\"" {
                open = (char, index)
            }
            index = prefix.index(after: index)
        }
        return open?.1
    }
}

/// The cue words a shell line holds, without which `RiskyShellRule`'s checks cannot match:
/// `curl`, `wget` or `fetch` (a download), `chmod`, `>` (a redirect), and one of
/// `RiskyShellRule.commandHints` (a command that may write). Found in one pass over the bytes,
/// as substrings anywhere in the line.
struct ShellCues: OptionSet {
    let rawValue: UInt8
    static let download = ShellCues(rawValue: 1)
    static let chmod = ShellCues(rawValue: 2)
    static let redirect = ShellCues(rawValue: 4)
    static let mayWrite = ShellCues(rawValue: 8)
    static let all: ShellCues = [.download, .chmod, .redirect, .mayWrite]

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ line: Substring) {
        if let found = line.utf8.withContiguousStorageIfAvailable({ Self.scan($0) }) {
            self = found
        } else {
            var copy = String(line)
            self = copy.withUTF8 { Self.scan($0) }
        }
    }

    /// The cues in `bytes`.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> ShellCues {
        func at(_ index: Int, _ word: StaticString) -> Bool {
            word.withUTF8Buffer { pin in
                index + pin.count <= bytes.count && zip(pin, bytes[index...]).allSatisfy { $0 == $1 }
            }
        }
        var cues: ShellCues = []
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: ">"): cues.insert(.redirect)
            case UInt8(ascii: "c"):
                if at(index, "curl") { cues.insert(.download) }
                if at(index, "chmod") { cues.insert(.chmod) }
                if at(index, "cp") { cues.insert(.mayWrite) }
            case UInt8(ascii: "w"): if at(index, "wget") { cues.insert(.download) }
            case UInt8(ascii: "f"): if at(index, "fetch") { cues.insert(.download) }
            case UInt8(ascii: "r"): if at(index, "rm") || at(index, "rsync") { cues.insert(.mayWrite) }
            case UInt8(ascii: "m"): if at(index, "mv") || at(index, "mkdir") { cues.insert(.mayWrite) }
            case UInt8(ascii: "i"): if at(index, "install") { cues.insert(.mayWrite) }
            case UInt8(ascii: "l"): if at(index, "ln") { cues.insert(.mayWrite) }
            case UInt8(ascii: "t"): if at(index, "tee") || at(index, "touch") { cues.insert(.mayWrite) }
            case UInt8(ascii: "d"): if at(index, "dd") { cues.insert(.mayWrite) }
            default: continue
            }
            if cues == .all { break }
        }
        return cues
    }
}
