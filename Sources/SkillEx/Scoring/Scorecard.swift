import Foundation

/// One skill's scorecard: the score, its components, findings, gate verdict and approval.
///
/// This is the per-skill shape of `.skillex/scorecards.json` (see docs/architecture.md).
public struct Scorecard: Sendable, Equatable, Codable {
    /// The skill's repository.
    public var repo: String
    /// The skill's name.
    public var skill: String
    /// Checksum of the skill folder that was scored.
    public var checksum: String
    /// 0–100 (see `ScoreFormula`).
    public var score: Double
    /// Every component, missing ones included.
    public var components: [ScoreComponent]
    /// Every finding, errors first.
    public var findings: [ScoreFinding]
    /// `admitted`, `refused` or `approved`.
    public var gate: GateVerdict
    /// The recorded approval, whether or not it still holds.
    public var approval: Approval?
    /// True when `approval` matches the scored checksum.
    public var approvalHolds: Bool
    /// Set when the score dropped by more than the configured points since the last run.
    public var regression: Regression?
    /// Token estimates of the description, body and each body section.
    public var tokens: TokenReport
    /// The skill's folder in the hub (`skills/<repo>/<skill>`).
    public var path: String

    private enum CodingKeys: String, CodingKey {
        case repo, skill, checksum, score, components, findings, gate, approval, regression, tokens, path
        case approvalHolds = "approval_holds"
    }

    /// `repo/skill`.
    public var id: String { "\(repo)/\(skill)" }

    /// The most severe findings first, at most `limit`.
    public func topFindings(_ limit: Int = 3) -> [ScoreFinding] { Array(findings.prefix(limit)) }
}

extension Scorecard {
    /// Reads a stored card. `repo`, `skill`, `score` and `gate` are required; every other field
    /// may be absent (files of earlier versions, hand-made ones) and reads as empty: no checksum
    /// (`""`), components, findings, path or tokens, an approval that does not hold.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        repo = try c.decode(String.self, forKey: .repo)
        skill = try c.decode(String.self, forKey: .skill)
        checksum = try c.decodeIfPresent(String.self, forKey: .checksum) ?? ""
        score = try c.decode(Double.self, forKey: .score)
        components = try c.decodeIfPresent([ScoreComponent].self, forKey: .components) ?? []
        findings = try c.decodeIfPresent([ScoreFinding].self, forKey: .findings) ?? []
        gate = try c.decode(GateVerdict.self, forKey: .gate)
        approval = try c.decodeIfPresent(Approval.self, forKey: .approval)
        approvalHolds = try c.decodeIfPresent(Bool.self, forKey: .approvalHolds) ?? false
        regression = try c.decodeIfPresent(Regression.self, forKey: .regression)
        tokens = try c.decodeIfPresent(TokenReport.self, forKey: .tokens) ?? .empty
        path = try c.decodeIfPresent(String.self, forKey: .path) ?? ""
    }
}

/// A score drop of more than `scoring.regression_points` against the previous run.
public struct Regression: Sendable, Equatable, Codable {
    /// The previous run's score.
    public var previous: Double
    /// This run's score.
    public var current: Double
    /// `previous - current`.
    public var drop: Double
    /// When the previous score was recorded.
    public var previousAt: String

    private enum CodingKeys: String, CodingKey {
        case previous, current, drop, previousAt = "previous_at"
    }
}
