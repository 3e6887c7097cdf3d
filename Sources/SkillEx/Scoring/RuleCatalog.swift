/// One rule as `skillex score --list-rules` shows it: a lint rule or a security rule.
public struct ListedRule: Sendable, Equatable, Codable {
    /// Stable id (`link-missing`, `secret-token`), as used in the manifest and SARIF.
    public var id: String
    /// The score component the rule feeds: `lint` or `security`.
    public var component: String
    /// Default severity (a security rule's follows from its risk).
    public var severity: FindingSeverity
    /// Default risk (security rules only).
    public var risk: SecurityRisk?
    /// What the rule finds, in one line.
    public var summary: String
    /// How to fix a finding.
    public var remediation: String
}

/// Every rule `skillex score` runs, lint rules first, each family in its own order.
public enum RuleCatalog {
    public static func all() -> [ListedRule] {
        LintRuleSet.standard.definitions.map { rule in
            ListedRule(
                id: rule.id, component: ComponentID.lint, severity: rule.severity, risk: nil, summary: rule.summary,
                remediation: rule.remediation)
        }
            + SecurityRules.definitions.map { rule in
                ListedRule(
                    id: rule.id, component: ComponentID.security, severity: rule.risk.severity, risk: rule.risk,
                    summary: rule.summary, remediation: rule.remediation)
            }
    }
}
