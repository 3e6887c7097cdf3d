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
