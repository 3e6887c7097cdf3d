import Foundation

/// The quality gate: which skills may be packed.
///
/// Packaging calls `try Gate(workspace:).evaluate(manifest:)` and packs `decision.admitted`;
/// it exits 1 when `decision.refused` is not empty, printing each refusal's `description`.
public struct Gate: Sendable {
    /// The hub.
    public var workspace: Workspace
    /// Extra reports (normally none: the manifest lists each repository's reports).
    public var reports: [ReportSpec] = []

    /// A gate for `workspace`.
    public init(workspace: Workspace) { self.workspace = workspace }

    /// Scores every skill (writing nothing) and decides.
    public func evaluate(manifest: Manifest) throws -> GateDecision {
        var options = ScoreOptions()
        options.reports = reports
        return Gate.decide(try Scorer(workspace: workspace, options: options).evaluate(manifest), manifest: manifest)
    }

    /// Splits `run`'s skills into admitted (including approved) and refused entries.
    public static func decide(_ run: ScoreRun, manifest: Manifest) -> GateDecision {
        var decision = GateDecision(threshold: run.threshold, admitted: [], approved: [], refused: [], run: run)
        // One look-up table, not a search of the manifest per card (quadratic on a large hub).
        let entries = Dictionary(
            manifest.skills.map { ("\($0.sourceRepo)/\($0.name)", $0) }, uniquingKeysWith: { first, _ in first })
        for card in run.skills {
            guard let entry = entries[card.id] else { continue }
            switch card.gate {
            case .admitted: decision.admitted.append(entry)
            case .approved:
                decision.admitted.append(entry)
                decision.approved.append(entry)
            case .refused:
                decision.refused.append(
                    GateRefusal(
                        repo: card.repo, skill: card.skill, score: card.score, threshold: run.threshold,
                        findings: card.topFindings(), staleApproval: card.approval,
                        blocking: card.findings.filter { $0.refuses == true }))
            }
        }
        return decision
    }
}

/// What the gate decided for a whole hub.
public struct GateDecision: Sendable, Equatable {
    /// `scoring.threshold`.
    public var threshold: Double
    /// Skills to pack: at or above the threshold, or approved.
    public var admitted: [SkillEntry]
    /// The admitted skills that are below the threshold and ship on an approval.
    public var approved: [SkillEntry]
    /// Skills to leave out.
    public var refused: [GateRefusal]
    /// The scoring run behind the decision (scorecards, signals for telemetry).
    public var run: ScoreRun

    /// True when nothing was refused.
    public var passed: Bool { refused.isEmpty }
}

/// A skill the gate refused, with what a maintainer needs to act on it.
public struct GateRefusal: DescribedError, Equatable {
    /// Repository.
    public var repo: String
    /// Skill.
    public var skill: String
    /// Its score.
    public var score: Double
    /// The threshold it missed.
    public var threshold: Double
    /// Its most severe findings (at most 3).
    public var findings: [ScoreFinding]
    /// An approval of an earlier version that no longer holds, if any.
    public var staleApproval: Approval?
    /// Security findings that refuse the skill whatever its score (`scoring.security.refuse`).
    public var blocking: [ScoreFinding] = []

    /// `repo/skill: score 12.5 is below the threshold 70 (top findings: …)`.
    public var description: String {
        let score = String(format: "%.1f", score), threshold = String(format: "%g", threshold)
        var text = "\(repo)/\(skill): score \(score) is below the threshold \(threshold)"
        if !blocking.isEmpty {
            let risks = Set(blocking.compactMap { $0.risk?.rawValue }).sorted().joined(separator: "/")
            text = "\(repo)/\(skill): refused by the security policy: \(blocking.count) \(risks) finding"
                + (blocking.count == 1 ? "" : "s") + " (score \(score))"
        }
        if let stale = staleApproval {
            text += "; the approval by \(stale.by) was for an earlier version"
        }
        if !findings.isEmpty {
            text += " (top findings: " + findings.map { finding in
                "\(finding.file)\(finding.line.map { ":\($0)" } ?? ""): \(finding.message) [\(finding.rule)]"
            }.joined(separator: "; ") + ")"
        }
        return text
    }
}
