import Foundation

/// How much a scoring finding matters (SARIF's levels).
public enum FindingSeverity: String, Sendable, Codable, Comparable, CaseIterable {
    case note, warning, error

    /// Points the first finding of a rule at this severity takes off a lint or static-analysis
    /// component (one error alone takes a lint-only skill below the default threshold of 70).
    public var deduction: Double {
        switch self {
        case .error: 35
        case .warning: 5
        case .note: 1
        }
    }

    /// Points each further finding of the same rule at this severity adds.
    public var step: Double {
        switch self {
        case .error: 5
        case .warning: 2
        case .note: 1
        }
    }

    /// The most one rule at this severity can take off, however many findings it has.
    public var cap: Double {
        switch self {
        case .error: 50
        case .warning: 10
        case .note: 3
        }
    }

    /// What `count` findings of one rule at this severity take off: the first costs
    /// `deduction`, each further one `step`, saturating at `cap` (0 for no finding).
    public func penalty(count: Int) -> Double {
        guard count > 0 else { return 0 }
        return min(cap, deduction + step * Double(count - 1))
    }

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    /// Notes sort before warnings, warnings before errors.
    public static func < (lhs: FindingSeverity, rhs: FindingSeverity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding on a skill, from a lint rule or an ingested report, with a remediation note.
public struct ScoreFinding: Sendable, Equatable, Codable {
    /// Rule id (`link-missing`, or `<tool>/<rule>` for reports).
    public var rule: String
    /// Effective severity after the manifest's overrides.
    public var severity: FindingSeverity
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var remediation: String
    /// Path inside the skill (`SKILL.md`, `scripts/run.sh`).
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// The component it counts against (`lint`, `static_analysis` or `security`).
    public var component: String
    /// For a security finding: its risk (`critical`, `high`, `medium`, `low`).
    public var risk: SecurityRisk?
    /// For a security finding: true when `scoring.security.refuse` refuses the skill for it.
    public var refuses: Bool?

    /// A finding.
    public init(
        rule: String, severity: FindingSeverity, message: String, remediation: String,
        file: String, line: Int? = nil, component: String = ComponentID.lint
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.remediation = remediation
        self.file = file
        self.line = line
        self.component = component
    }

    private enum CodingKeys: String, CodingKey {
        case rule, severity, message, remediation, file, line, component, risk, refuses
    }

    /// Reads a stored finding; `remediation` and `file` (`""`) and `component` (`lint`, the only one before static
    /// analysis came) may be absent.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rule = try c.decode(String.self, forKey: .rule)
        severity = try c.decode(FindingSeverity.self, forKey: .severity)
        message = try c.decode(String.self, forKey: .message)
        remediation = try c.decodeIfPresent(String.self, forKey: .remediation) ?? ""
        file = try c.decodeIfPresent(String.self, forKey: .file) ?? ""
        line = try c.decodeIfPresent(Int.self, forKey: .line)
        component = try c.decodeIfPresent(String.self, forKey: .component) ?? ComponentID.lint
        risk = try c.decodeIfPresent(SecurityRisk.self, forKey: .risk)
        refuses = try c.decodeIfPresent(Bool.self, forKey: .refuses)
    }

    /// Errors first, then by file, line and rule: a stable order for reports.
    static func reportOrder(_ a: ScoreFinding, _ b: ScoreFinding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.file != b.file { return a.file < b.file }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}
