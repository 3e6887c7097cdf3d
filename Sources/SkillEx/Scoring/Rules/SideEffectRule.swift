import Foundation

/// `side-effect-unconfirmed`: a skill that deletes, deploys, publishes or sends must tell the
/// agent to confirm with the user first.
struct SideEffectRule: LintRule {
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

    private static let command = try? NSRegularExpression(
        pattern: #"\brm\s+-|\bkubectl\s+(delete|apply|rollout|scale|drain|replace)\b|\bhelm\s+(install|upgrade|uninstall|delete)\b|\bterraform\s+(apply|destroy)\b|\bgit\s+push\b|\bdocker\s+push\b|\bnpm\s+publish\b|\bgh\s+(release|pr)\s+(create|merge)\b|\b(DROP|TRUNCATE)\s+(TABLE|DATABASE)\b|\bDELETE\s+FROM\b|\bcurl\b[^\n]*\s-X\s*(POST|PUT|PATCH|DELETE)\b"#)
    private static let imperative = try? NSRegularExpression(
        pattern: #"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(delete|drop|deploy|publish|push|send|email|truncate|wipe|purge|destroy|force-push|roll out)\b"#,
        options: [.caseInsensitive])

    func check(_ skill: LintContext) -> [LintHit] {
        let body = skill.body
        guard !body.isEmpty else { return [] }
        let lower = body.lowercased()
        if Self.confirmationCues.contains(where: { lower.contains($0) }) { return [] }
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = String(line)
            let range = NSRange(text.startIndex..., in: text)
            let found = Self.command?.firstMatch(in: text, range: range)
                ?? Self.imperative?.firstMatch(in: text, range: range)
            guard found != nil else { continue }
            let what = text.trimmingCharacters(in: .whitespaces).prefix(60)
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
