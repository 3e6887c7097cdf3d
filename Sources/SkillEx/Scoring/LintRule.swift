import Foundation

/// What a lint rule promises: an id, a default severity, a one-line summary and a remediation.
public struct RuleDefinition: Sendable, Equatable, Codable {
    /// Stable id, used in `scoring.rules` and in SARIF.
    public var id: String
    /// Severity unless the manifest re-levels it.
    public var severity: FindingSeverity
    /// What the rule checks, in one line.
    public var summary: String
    /// How to fix a finding, in one or two sentences.
    public var remediation: String
}

/// One hit of a rule before the manifest's severity overrides apply.
struct LintHit {
    var rule: String
    var message: String
    var file: String
    var line: Int?
    /// A severity below the rule's own (spec warnings under the `spec` rule).
    var cap: FindingSeverity? = nil
    /// A remediation more specific than the rule's (the spec validator's fix).
    var remediation: String? = nil
}

/// A lint rule: checks one skill and reports hits against its definitions.
protocol LintRule: Sendable {
    /// Every rule id this check can report.
    var definitions: [RuleDefinition] { get }
    /// The hits on `skill`.
    func check(_ skill: LintContext) -> [LintHit]
}

/// The lint rules SkillEx runs, and how their hits become findings.
public struct LintRuleSet: Sendable {
    let rules: [any LintRule]

    /// Bumped whenever a rule or the penalty formula changes what a skill scores, so stored
    /// scorecards of the same SkillEx version are not reused across the change.
    static let revision = 3

    /// Every built-in rule.
    public static let standard = LintRuleSet(rules: [
        SpecRule(), DescriptionRule(), BodyBudgetRule(), MissingLinkRule(), MentionRule(), UnreferencedFileRule(),
        RiskyShellRule(), SideEffectRule(),
    ])

    /// Every rule definition, in rule order.
    public var definitions: [RuleDefinition] { rules.flatMap(\.definitions) }

    /// Runs every rule on `skill`, applying `settings.rules` (off, or a new severity).
    func findings(_ skill: LintContext, settings: ScoringSettings) -> [ScoreFinding] {
        var out: [ScoreFinding] = []
        for rule in rules {
            // A rule whose every id is switched off is not run at all.
            if rule.definitions.allSatisfy({ settings.rules[$0.id] == "off" }) { continue }
            let definitions = Dictionary(rule.definitions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for hit in rule.check(skill) {
                guard let definition = definitions[hit.rule],
                    var severity = settings.severity(of: hit.rule, default: definition.severity)
                else { continue }
                if let cap = hit.cap, cap < severity { severity = cap }
                out.append(
                    ScoreFinding(
                        rule: hit.rule, severity: severity, message: hit.message,
                        remediation: hit.remediation ?? definition.remediation, file: hit.file, line: hit.line))
            }
        }
        return out
    }
}
