import Foundation

/// The manifest's `scoring` section: weights, threshold, history bound, regression size, rules.
public struct ScoringSettings: Sendable, Equatable, Codable {
    /// Component weights by id; missing ids take `defaultWeights`.
    public var weights: [String: Double]
    /// The lowest score `skillex package` admits without an approval.
    public var threshold: Double
    /// How many `score_history` entries each skill keeps.
    public var historyLimit: Int
    /// A drop of more than this many points against the previous run is a regression.
    public var regressionPoints: Double
    /// Per-rule severity overrides: `"off"`, `"error"`, `"warning"` or `"note"`.
    public var rules: [String: String]
    /// Token budgets: `description` and `body`.
    public var budgets: [String: Int]
    /// `scoring.security`: which security risks refuse a skill, per-rule overrides.
    public var security = SecurityPolicy()

    /// Weights used when the manifest names none.
    public static let defaultWeights: [String: Double] = [
        ComponentID.lint: 0.6, ComponentID.staticAnalysis: 0.2, ComponentID.coverage: 0.2,
        // Security gates through `scoring.security.refuse`; a weight lets it count toward the score too.
        ComponentID.security: 0,
    ]
    /// Token budgets used when the manifest names none.
    public static let defaultBudgets: [String: Int] = ["description": 200, "body": 5000]

    /// The defaults.
    public init() {
        weights = Self.defaultWeights
        threshold = 70
        historyLimit = 20
        regressionPoints = 10
        rules = [:]
        budgets = Self.defaultBudgets
    }

    private enum CodingKeys: String, CodingKey {
        case weights, threshold, rules, budgets, security
        case historyLimit = "history_limit", regressionPoints = "regression_points"
    }

    /// Decodes a section; every field is optional.
    public init(from decoder: any Decoder) throws {
        let defaults = ScoringSettings()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let given = try container.decodeIfPresent([String: Double].self, forKey: .weights) ?? [:]
        weights = defaults.weights.merging(given) { _, new in new }
        threshold = try container.decodeIfPresent(Double.self, forKey: .threshold) ?? defaults.threshold
        historyLimit = try container.decodeIfPresent(Int.self, forKey: .historyLimit) ?? defaults.historyLimit
        regressionPoints =
            try container.decodeIfPresent(Double.self, forKey: .regressionPoints) ?? defaults.regressionPoints
        rules = try container.decodeIfPresent([String: String].self, forKey: .rules) ?? [:]
        let budgets = try container.decodeIfPresent([String: Int].self, forKey: .budgets) ?? [:]
        self.budgets = defaults.budgets.merging(budgets) { _, new in new }
        security = try container.decodeIfPresent(SecurityPolicy.self, forKey: .security) ?? SecurityPolicy()
    }

    /// The manifest's section (defaults when absent), checked; errors name the manifest field.
    public static func load(_ manifest: Manifest, path: String) throws -> ScoringSettings {
        let settings: ScoringSettings
        do { settings = try manifest.extra.decode(ScoringSettings.self, key: "scoring") ?? ScoringSettings() } catch {
            throw ManifestError.invalidField(path: path, field: "scoring", reason: ErrorText.decoding(error))
        }
        try settings.check(path: path)
        return settings
    }

    /// The configured severity of `rule`, or its default; nil when switched off.
    public func severity(of rule: String, default fallback: FindingSeverity) -> FindingSeverity? {
        guard let text = rules[rule] else { return fallback }
        return FindingSeverity(rawValue: text)
    }

    /// The token budget named `key`.
    public func budget(_ key: String) -> Int { budgets[key] ?? Self.defaultBudgets[key] ?? 0 }

    private func check(path: String) throws {
        for (id, weight) in weights where !(weight >= 0 && weight.isFinite) {
            throw ManifestError.invalidField(
                path: path, field: "scoring.weights.\(id)", reason: "must be a number ≥ 0")
        }
        for id in weights.keys where !ComponentID.all.contains(id) {
            throw ManifestError.invalidField(
                path: path, field: "scoring.weights.\(id)",
                reason: "unknown component (known: \(ComponentID.all.joined(separator: ", ")))")
        }
        if !(0...100).contains(threshold) {
            throw ManifestError.invalidField(path: path, field: "scoring.threshold", reason: "must be 0–100")
        }
        if historyLimit < 1 {
            throw ManifestError.invalidField(path: path, field: "scoring.history_limit", reason: "must be ≥ 1")
        }
        if !(regressionPoints >= 0) {
            throw ManifestError.invalidField(
                path: path, field: "scoring.regression_points", reason: "must be ≥ 0")
        }
        try security.check(path: path)
        let known = Set(LintRuleSet.standard.definitions.map(\.id))
        for (rule, level) in rules {
            guard known.contains(rule) else {
                throw ManifestError.invalidField(
                    path: path, field: "scoring.rules.\(rule)",
                    reason: "unknown rule (see `skillex score --list-rules`)")
            }
            guard level == "off" || FindingSeverity(rawValue: level) != nil else {
                throw ManifestError.invalidField(
                    path: path, field: "scoring.rules.\(rule)",
                    reason: "'\(level)' is not one of off, error, warning, note")
            }
        }
    }
}

/// The ids of the score's components.
public enum ComponentID {
    /// SkillEx's own lint rules on the skill.
    public static let lint = "lint"
    /// Findings from the repository's static-analysis reports.
    public static let staticAnalysis = "static_analysis"
    /// Line coverage of the skill's `scripts/`.
    public static let coverage = "coverage"
    /// The security rules (`SecurityRules`).
    public static let security = "security"
    /// Every component, in report order.
    public static let all = [lint, staticAnalysis, coverage, security]
}
