import Foundation

/// The result of a scoring run; also the shape of `.skillex/scorecards.json`.
public struct ScoreRun: Sendable, Equatable, Codable {
    /// Counts over the scored skills.
    public struct Summary: Sendable, Equatable, Codable {
        /// Skills scored.
        public var scored: Int
        /// At or above the threshold.
        public var admitted: Int
        /// Below the threshold with an approval that holds.
        public var approved: Int
        /// Below the threshold without one.
        public var refused: Int
        /// Scores that dropped by more than `regression_points`.
        public var regressions: Int
    }

    /// When the run happened.
    public var generatedAt: String
    /// `scoring.threshold`.
    public var threshold: Double
    /// `ScoreFormula.text`.
    public var formula: String
    /// The weights in effect.
    public var weights: [String: Double]
    /// Counts.
    public var summary: Summary
    /// One scorecard per skill, in manifest order.
    public var skills: [Scorecard]
    /// SHA-256 of everything besides the skill folders that went into the components (SkillEx
    /// version, scoring settings, repositories, report contents): a stored scorecard whose
    /// checksum matches is reused when this matches.
    public var inputsDigest: String?

    private enum CodingKeys: String, CodingKey {
        case generatedAt = "generated_at", threshold, formula, weights, summary, skills
        case inputsDigest = "inputs_digest"
    }

    /// A run over `skills`.
    public init(generatedAt: String, threshold: Double, weights: [String: Double], skills: [Scorecard]) {
        self.generatedAt = generatedAt
        self.threshold = threshold
        self.formula = ScoreFormula.text
        self.weights = weights
        self.skills = skills
        summary = Self.count(skills)
    }

    /// The counts of `skills`.
    static func count(_ skills: [Scorecard]) -> Summary {
        Summary(
            scored: skills.count, admitted: skills.filter { $0.gate == .admitted }.count,
            approved: skills.filter { $0.gate == .approved }.count,
            refused: skills.filter { $0.gate == .refused }.count,
            regressions: skills.filter { $0.regression != nil }.count)
    }

    /// True when `other` holds the same scorecards under the same inputs, threshold, weights and
    /// formula: it differs at most in `generatedAt`.
    public func matches(_ other: ScoreRun) -> Bool {
        var same = other
        same.generatedAt = generatedAt
        return same == self && inputsDigest != nil
    }

    /// Reads a stored run. `threshold` is required; a file without `generated_at`, `weights`,
    /// `formula` or `skills` reads them as empty, and one without `summary` counts it from the cards.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            generatedAt: try c.decodeIfPresent(String.self, forKey: .generatedAt) ?? "",
            threshold: try c.decode(Double.self, forKey: .threshold),
            weights: try c.decodeIfPresent([String: Double].self, forKey: .weights) ?? [:],
            skills: try c.decodeIfPresent([Scorecard].self, forKey: .skills) ?? [])
        formula = try c.decodeIfPresent(String.self, forKey: .formula) ?? ""
        if let stored = try c.decodeIfPresent(Summary.self, forKey: .summary) { summary = stored }
        inputsDigest = try c.decodeIfPresent(String.self, forKey: .inputsDigest)
    }

    /// What happened that telemetry reports: the one place a future event bus reads from.
    public var signals: [ScoreSignal] {
        skills.flatMap { card -> [ScoreSignal] in
            var out: [ScoreSignal] = []
            if let regression = card.regression { out.append(.regression(repo: card.repo, skill: card.skill, regression)) }
            switch card.gate {
            case .refused: out.append(.refused(repo: card.repo, skill: card.skill, score: card.score, threshold: threshold))
            case .approved:
                if let approval = card.approval { out.append(.approved(repo: card.repo, skill: card.skill, approval)) }
            case .admitted: break
            }
            return out
        }
    }
}

/// Something a scoring run noticed that other systems want to hear about (telemetry events,
/// webhooks). Emit these from `ScoreRun.signals`; nothing emits them yet.
public enum ScoreSignal: Sendable, Equatable {
    /// A score dropped by more than `scoring.regression_points`.
    case regression(repo: String, skill: String, Regression)
    /// A skill is below the threshold without an approval that holds.
    case refused(repo: String, skill: String, score: Double, threshold: Double)
    /// A skill below the threshold ships on a maintainer's approval.
    case approved(repo: String, skill: String, Approval)
}
