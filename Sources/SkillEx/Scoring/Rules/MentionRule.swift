import Foundation

/// `link-case-mismatch` and `script-missing-extension`: a link or a path named in SKILL.md (its
/// prose, inline code or shell code blocks) that does not exist as written, but does with another case
/// (`FORMS.md` for `forms.md`: broken on case-sensitive file systems) or with an extension
/// (`scripts/fill_form` for `scripts/fill_form.py`). Each finding names the exact fix.
struct MentionRule: LintRule {
    let definitions = [
        RuleDefinition(
            id: "link-case-mismatch", severity: .warning,
            summary: "A link or mentioned path exists only with different upper/lower case (broken on Linux).",
            remediation: "Write the name exactly as the file is named (the finding gives it), or rename the file."),
        RuleDefinition(
            id: "script-missing-extension", severity: .warning,
            summary: "A script is named without its extension, and only the file with the extension exists.",
            remediation: "Name the script with its extension (the finding gives it), as an agent would type it."),
    ]

    /// Mentions outside links are tokens holding a `.` or `/` (`plain: false`): only those can
    /// pass `mayNeedFix`, which `clean` cannot change.
    func check(_ skill: LintContext) -> [LintHit] {
        var mentions: [(line: Int, path: String, link: Bool)] = []
        for link in skill.links {
            if let path = MissingLinkRule.localPath(link.target), let normal = MissingLinkRule.normalize(path) {
                mentions.append((link.line, normal, true))
            }
        }
        for (number, line) in skill.markdown.prose where TextScan.lineContains(line, "`") {
            for span in MarkdownLines.inlineCode(line) {
                for token in PathTokens.tokens(String(span), plain: false) { mentions.append((number, String(token), false)) }
            }
        }
        // Prose names files too ("read FORMS.md"): a path-like word of the body that holds a `/`
        // or is as long as one of the skill's file names (the cheap test that skips most words).
        let lengths = Set(skill.files.compactMap { $0.relativePath.split(separator: "/").last?.utf8.count })
        let lengthMask = LengthMask(lengths)
        let sieve = NameSieve(skill.files.compactMap { $0.relativePath.split(separator: "/").last })
        var counted = (offset: 0, line: 0)  // newlines before `offset`, counted once
        PathTokens.forEach(skill.body, plain: false) { bytes, start, end in
            var to = end
            while to > start, bytes[to - 1] == 0x2E || bytes[to - 1] == 0x2F || bytes[to - 1] == 0x2D { to -= 1 }
            var nameStart = to
            while nameStart > start, bytes[nameStart - 1] != 0x2F { nameStart -= 1 }
            let length = to - nameStart
            // A word without `/` can only need a fix when it equals a file name but for case.
            guard nameStart > start || (lengthMask.contains(length) && lengths.contains(length) && sieve.mayContain(bytes, start, to))
            else { return }
            counted.line += TextScan.count(0x0A, in: bytes, from: counted.offset, to: start)
            counted.offset = start
            mentions.append((skill.bodyLineOffset + counted.line + 1, PathTokens.string(bytes, start, end), false))
        }
        for block in skill.markdown.code {
            for (offset, line) in block.lines.enumerated() {
                for token in PathTokens.tokens(String(line), plain: false) {
                    mentions.append((block.startLine + offset, String(token), false))
                }
            }
        }
        guard !mentions.isEmpty else { return [] }
        var hints: PathHints?
        // A path naming a file exactly needs no fix: most links and mentions do.
        let present = Set(skill.files.map(\.relativePath))
        var seen: Set<String> = []
        var hits: [LintHit] = []
        for mention in mentions {
            guard let path = PathHints.clean(mention.path), mention.link || Self.mayNeedFix(path), !present.contains(path),
                seen.insert("\(mention.line) \(path)").inserted
            else { continue }
            // Built for the first mention that could need a fix (most skills have none).
            let lookup = hints ?? PathHints(skill.files)
            hints = lookup
            if let fix = lookup.caseFix(path, link: mention.link) {
                hits.append(
                    LintHit(
                        rule: "link-case-mismatch",
                        message: "'\(path)' does not exist; the skill has '\(fix)' (case differs, broken on case-sensitive file systems)",
                        file: "SKILL.md", line: mention.line,
                        remediation: "Write '\(fix)' instead of '\(path)'."))
            } else if let fix = lookup.extensionFix(path, link: mention.link) {
                hits.append(
                    LintHit(
                        rule: "script-missing-extension",
                        message: "'\(path)' does not exist; the skill has '\(fix)'",
                        file: "SKILL.md", line: mention.line,
                        remediation: "Write '\(fix)' instead of '\(path)'."))
            }
        }
        return hits
    }

    /// False for a mention (not a link) that neither fix can apply to: no `/` (an extension fix
    /// needs one) and no `.` (a case fix needs a file name with an extension).
    static func mayNeedFix(_ path: String) -> Bool {
        path.utf8.contains { $0 == 0x2F || $0 == 0x2E }
    }
}

/// Case-insensitive and extension-less lookups over a skill's files.
struct PathHints {
    private let present: Set<String>
    private let folders: Set<String>
    private let names: Set<Substring>
    private let lowered: [String: [String]]
    private let loweredNames: [String: [String]]
    private let stems: [String: [String]]

    init(_ files: [SkillFile]) {
        var present: Set<String> = []
        var folders: Set<String> = []
        var names: Set<Substring> = []
        var lowered: [String: [String]] = [:]
        var loweredNames: [String: [String]] = [:]
        var stems: [String: [String]] = [:]
        for file in files {
            let path = file.relativePath
            present.insert(path)
            lowered[path.lowercased(), default: []].append(path)
            let parts = path.split(separator: "/")
            var prefix = ""
            for part in parts.dropLast() {
                prefix += (prefix.isEmpty ? "" : "/") + part
                folders.insert(prefix)
            }
            if let name = parts.last {
                names.insert(name)
                loweredNames[name.lowercased(), default: []].append(path)
                if let dot = name.lastIndex(of: "."), dot != name.startIndex {
                    let stem = String(path.dropLast(name.distance(from: dot, to: name.endIndex)))
                    stems[stem, default: []].append(path)
                }
            }
        }
        self.present = present
        self.folders = folders
        self.names = names
        self.lowered = lowered
        self.loweredNames = loweredNames
        self.stems = stems
    }

    /// A mention token without `./`, trailing punctuation, or nil when it cannot be a path in
    /// the skill (absolute, home, a URL's `//`).
    static func clean(_ token: String) -> String? {
        let utf8 = token.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while utf8.distance(from: start, to: end) >= 2, utf8[start] == 0x2E, utf8[utf8.index(after: start)] == 0x2F {
            start = utf8.index(start, offsetBy: 2)
        }
        while end > start, [0x2E, 0x2F, 0x2D].contains(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        guard start < end, ![0x2F, 0x7E, 0x2E].contains(utf8[start]) else { return nil }
        var previous: UInt8 = 0
        for byte in utf8[start..<end] {
            if byte == 0x2F, previous == 0x2F { return nil }
            previous = byte
        }
        return start == utf8.startIndex && end == utf8.endIndex ? token : String(token[start..<end])
    }

    /// The file `path` names with another case, when no file or folder is named exactly so.
    /// A mention (not a link) must look like a file name (`name.ext`); a bare name is matched
    /// against file names anywhere.
    func caseFix(_ path: String, link: Bool) -> String? {
        let name = path.split(separator: "/").last ?? Substring(path)
        guard !present.contains(path), !folders.contains(path) else { return nil }
        if !link {
            guard let dot = name.lastIndex(of: "."), name[name.index(after: dot)...].contains(where: \.isLetter) else { return nil }
            if !path.utf8.contains(0x2F), names.contains(name) { return nil }
        }
        if let found = lowered[path.lowercased()], found.count == 1 { return found[0] }
        if !path.utf8.contains(0x2F), let found = loweredNames[name.lowercased()], found.count == 1 {
            return link ? nil : found[0]
        }
        return nil
    }

    /// The one file `path` names without its extension, when no file or folder is named `path`.
    /// A mention must hold a `/` (`scripts/fill_form`), so plain words are never matched.
    func extensionFix(_ path: String, link: Bool) -> String? {
        guard link || path.utf8.contains(0x2F), !present.contains(path), !folders.contains(path) else { return nil }
        let name = path.split(separator: "/").last ?? Substring(path)
        guard !name.utf8.contains(0x2E) else { return nil }
        if let found = stems[path], found.count == 1 { return found[0] }
        return nil
    }

    /// True when `path` (a link's) has a case or extension fix, so `link-missing` leaves it to `MentionRule`.
    func hasFix(_ path: String) -> Bool {
        caseFix(path, link: true) != nil || extensionFix(path, link: true) != nil
    }
}
