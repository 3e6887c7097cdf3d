import Foundation

/// `body-over-budget`: the SKILL.md body is loaded whole when the skill triggers; keep it lean.
struct BodyBudgetRule: LintRule {
    let definitions = [
        RuleDefinition(
            id: "body-over-budget", severity: .warning,
            summary: "The SKILL.md body is over its token budget.",
            remediation: "Move long sections into references/ files and link them from SKILL.md.")
    ]

    func check(_ skill: LintContext) -> [LintHit] {
        let report = skill.tokens
        let budget = skill.settings.budget("body")
        guard report.body > budget else { return [] }
        let largest = report.sections.sorted { $0.tokens > $1.tokens }.prefix(3)
            .map { "\($0.heading) ~\($0.tokens)" }.joined(separator: ", ")
        return [
            LintHit(
                rule: "body-over-budget",
                message: "body is ~\(report.body) tokens; the budget is \(budget) (largest sections: \(largest))",
                file: "SKILL.md", line: skill.bodyLineOffset + 1)
        ]
    }
}
