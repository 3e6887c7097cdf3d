import Foundation

/// `description-*`: a description an agent can select the skill on.
struct DescriptionRule: LintRule {
    /// Fewer characters than this is too short to choose a skill by.
    static let minimumCharacters = 40
    /// Phrases that tell an agent when to use the skill (lowercased, matched anywhere).
    static let whenCues = [
        "use when", "use this when", "use it when", "use for", "use if", "use to", "use before",
        "use after", "when ", "whenever", "if you", "if the user", "for tasks", "trigger",
        "use this", "useful for", "helpful for", "ideal for", "best for", "invoke",
    ]

    /// True when `lower` says when to use the skill in a looser form: "use" then, within three
    /// words, "for", "when", "to" or "if" (`Use rdkit for advanced work`), or a sentence that
    /// starts with "For" (`… . For evolutionary analysis and …`).
    static func hasLooseCue(_ lower: String) -> Bool {
        if lower.hasPrefix("for ") || TextScan.contains(lower, ". for ") { return true }
        let words = lower.split(whereSeparator: { !$0.isLetter })
        for (index, word) in words.enumerated() where word == "use" {
            if words[(index + 1)...].prefix(4).contains(where: { ["for", "when", "to", "if"].contains($0) }) { return true }
        }
        return false
    }

    let definitions = [
        RuleDefinition(
            id: "description-too-short", severity: .warning,
            summary: "The description is too short for an agent to select the skill on.",
            remediation: "Say what the skill does and when to use it in one or two full sentences (40+ characters)."),
        RuleDefinition(
            id: "description-over-budget", severity: .warning,
            summary: "The description is over its token budget (every agent loads every description).",
            remediation: "Keep the description to what and when; move detail into the SKILL.md body."),
        RuleDefinition(
            id: "description-no-when", severity: .warning,
            summary: "The description has no 'when to use' cue.",
            remediation: "Add a sentence such as 'Use when …' naming the requests or situations that call for the skill."),
    ]

    func check(_ skill: LintContext) -> [LintHit] {
        guard skill.validation.document != nil else { return [] }
        let text = Trim.whitespacesAndNewlines(skill.description)
        guard !text.isEmpty else { return [] }  // the spec rule reports a missing description
        let line = fieldLine("description", in: skill.skillText)
        var hits: [LintHit] = []
        let length = text.unicodeScalars.count
        if length < Self.minimumCharacters {
            hits.append(
                LintHit(
                    rule: "description-too-short",
                    message: "description is \(length) characters; at least \(Self.minimumCharacters) are needed to select on",
                    file: "SKILL.md", line: line))
        }
        let tokens = TokenReport.estimate(text)
        let budget = skill.settings.budget("description")
        if tokens > budget {
            hits.append(
                LintHit(
                    rule: "description-over-budget",
                    message: "description is ~\(tokens) tokens; the budget is \(budget)",
                    file: "SKILL.md", line: line))
        }
        let lower = TextScan.asciiLowercased(text)
        if !Self.whenCues.contains(where: { TextScan.contains(lower, $0) }), !Self.hasLooseCue(lower) {
            hits.append(
                LintHit(
                    rule: "description-no-when",
                    message: "description does not say when to use the skill (no cue such as 'Use when')",
                    file: "SKILL.md", line: line))
        }
        return hits
    }
}
