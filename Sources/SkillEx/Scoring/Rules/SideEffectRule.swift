import Foundation

/// `side-effect-unconfirmed`: a skill that deletes, deploys, publishes or sends must tell the
/// agent to confirm with the user first.
struct SideEffectRule: LintRule {
    /// Builds the patterns this rule compiles on first use (`Scorer.prepareRules`).
    static func prepare() {
        _ = command
        _ = imperative
    }

    /// Words in the body that count as asking for confirmation (lowercased).
    static let confirmationCues = [
        "confirm", "ask the user", "ask before", "approval", "approve", "dry-run", "dry run",
        "double-check", "permission", "before running", "with the user", "are you sure",
    ]

    let definitions = [
        RuleDefinition(
            id: "side-effect-unconfirmed", severity: .warning,
            summary: "The skill has side effects (delete, deploy, publish, send) but never asks for confirmation.",
            remediation: "Tell the agent to show what will change and ask the user to confirm before running it (offer a dry run when the tool has one).")
    ]

    /// Commands with side effects (the byte scan in `SideEffectScan` mirrors this for ASCII text);
    /// `--rm -i` (a docker flag) is not `rm -i`.
    static let command = try? NSRegularExpression(
        pattern: [
            #"(?<!-)\brm\s+-"#,
            #"\bkubectl\s+(delete|apply|rollout|scale|drain|replace)\b"#,
            #"\bhelm\s+(install|upgrade|uninstall|delete)\b"#,
            #"\bterraform\s+(apply|destroy)\b"#,
            #"\bgit\s+push\b"#,
            #"\bdocker\s+push\b"#,
            #"\bnpm\s+publish\b"#,
            #"\bgh\s+(release|pr)\s+(create|merge)\b"#,
            #"\b(DROP|TRUNCATE)\s+(TABLE|DATABASE)\b"#,
            #"\bDELETE\s+FROM\b"#,
            #"\bcurl\b[^\n]*\s-X\s*(POST|PUT|PATCH|DELETE)\b"#,
        ].joined(separator: "|"))
    /// Imperative lines (mirrored by `SideEffectScan` for ASCII text). A verb followed by `=`,
    /// `(` or `:` is code or a label (`email="…"`), and "push back", "delete means", "deploy
    /// with", "deploy or …" are not orders to act.
    static let imperative = try? NSRegularExpression(
        pattern: #"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(delete|drop|deploy|publish|push|send|email|truncate|wipe|purge|destroy|force-push|roll out)\b(?![ \t]*[=(:])(?![ \t]+(?:back|means|with|or|and)\b)"#,
        options: [.caseInsensitive, .anchorsMatchLines])

    func check(_ skill: LintContext) -> [LintHit] {
        let body = skill.body
        guard !body.isEmpty else { return [] }
        let lower = TextScan.asciiLowercased(body)
        if Self.confirmationCues.contains(where: { TextScan.contains(lower, $0) }) { return [] }
        let first: String.Index
        switch SideEffectScan.firstStart(in: body) {
        case .none: return []
        case .at(let offset): first = body.utf8.index(body.utf8.startIndex, offsetBy: offset)
        case .notASCII:
            let range = NSRange(body.startIndex..., in: body)
            let starts = [Self.command, Self.imperative].compactMap { $0?.firstMatch(in: body, range: range) }
                .compactMap { Range($0.range, in: body)?.lowerBound }
            guard let found = starts.min() else { return [] }
            first = found
        }
        // `^\s*` may start the match on a blank line above the one that holds it.
        var start = first
        while start < body.endIndex, body[start].isWhitespace { start = body.index(after: start) }
        let index = body.utf8[..<start].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        let lines = TextScan.lines(body)
        if index < lines.count {
            let what = Trim.whitespaces(lines[index]).prefix(60)
            return [
                LintHit(
                    rule: "side-effect-unconfirmed",
                    message: "`\(what)` has side effects and the skill never asks the user to confirm",
                    file: "SKILL.md", line: skill.bodyLineOffset + index + 1)
            ]
        }
        return []
    }
}
