import Foundation

/// The manifest's `scoring.security` section: which risks refuse a skill outright, and per-rule
/// overrides (`"off"` or another risk).
///
/// ```json
/// "scoring": { "security": { "refuse": ["critical", "high"], "rules": { "hidden-zero-width": "off" } } }
/// ```
public struct SecurityPolicy: Sendable, Equatable, Codable {
    /// Risks that refuse a skill whatever its score (default: critical).
    public var refuse: [SecurityRisk]
    /// Per-rule overrides by rule id: `off`, `critical`, `high`, `medium` or `low`.
    public var rules: [String: String]

    /// The defaults: a critical finding refuses; every rule at its own risk.
    public init(refuse: [SecurityRisk] = [.critical], rules: [String: String] = [:]) {
        self.refuse = refuse
        self.rules = rules
    }

    private enum CodingKeys: String, CodingKey { case refuse, rules }

    /// Decodes a section; every field is optional.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        refuse = try container.decodeIfPresent([SecurityRisk].self, forKey: .refuse) ?? [.critical]
        rules = try container.decodeIfPresent([String: String].self, forKey: .rules) ?? [:]
    }

    /// True when every rule is switched off: scoring then skips the scan (and reads no extra files).
    public var isOff: Bool { SecurityRules.definitions.allSatisfy { rules[$0.id] == "off" } }

    /// True when a finding of `risk` refuses its skill.
    public func refuses(_ risk: SecurityRisk) -> Bool { refuse.contains(risk) }

    /// The risk `hit` carries under the overrides; nil when its rule is off.
    public func risk(of hit: SecurityHit) -> SecurityRisk? {
        guard let text = rules[hit.rule] else { return hit.risk }
        return SecurityRisk(rawValue: text)
    }

    /// Names the first unknown rule id or level (`scoring.security.rules.<id>`).
    func check(path: String) throws {
        let known = Set(SecurityRules.definitions.map(\.id))
        for (rule, level) in rules {
            guard known.contains(rule) else {
                throw ManifestError.invalidField(
                    path: path, field: "scoring.security.rules.\(rule)",
                    reason: "unknown security rule (see docs/security-scanning.md)")
            }
            guard level == "off" || SecurityRisk(rawValue: level) != nil else {
                throw ManifestError.invalidField(
                    path: path, field: "scoring.security.rules.\(rule)",
                    reason: "'\(level)' is not one of off, critical, high, medium, low")
            }
        }
    }
}
