public import SkillEx

/// What a package job did: a new version, or none because dist/ already holds these skills;
/// and which skills the gate refused.
public struct PackageJobReport: Sendable, Encodable {
    /// Whether a version was minted.
    public enum Outcome: Sendable, Equatable {
        /// A new pack (and maybe a delta) in dist/.
        case minted(PackResult)
        /// The latest version already holds exactly the admitted skills.
        case unchanged(version: String)
    }

    /// Minted or unchanged.
    public var outcome: Outcome
    /// Skills admitted (and packed, or already in the latest pack).
    public var skills: Int
    /// Skills the gate left out.
    public var refused: [GateRefusal]
    /// The plugin marketplace and the catalog budget (issue #20).
    public var extras: PackageExtras.Report?

    /// `problems` when the gate refused a skill.
    public var status: StageStatus { refused.isEmpty ? .ok : .problems }
    /// The version dist/ now ends with.
    public var version: String {
        switch outcome {
        case .minted(let pack): pack.version
        case .unchanged(let version): version
        }
    }
    /// The new pack, when one was minted.
    public var pack: PackResult? {
        if case .minted(let pack) = outcome { return pack }
        return nil
    }

    private struct Refusal: Encodable {
        let repo: String
        let skill: String
        let score: Double
        let threshold: Double
        let message: String
        let findings: [ScoreFinding]
    }

    private enum CodingKeys: String, CodingKey { case refused, minted, version, skills, marketplace, catalog, warnings }

    /// `skillex package --format json`: a minted pack's fields at the top level (as before
    /// #16), `minted`, and the gate's refusals; an unchanged run gives its version and skills.
    public func encode(to encoder: any Encoder) throws {
        try pack?.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pack != nil, forKey: .minted)
        if pack == nil {
            try container.encode(version, forKey: .version)
            try container.encode(skills, forKey: .skills)
        }
        try container.encode(
            refused.map {
                Refusal(repo: $0.repo, skill: $0.skill, score: $0.score, threshold: $0.threshold,
                        message: $0.description, findings: $0.findings)
            }, forKey: .refused)
        try container.encodeIfPresent(extras?.marketplace, forKey: .marketplace)
        try container.encodeIfPresent(extras?.catalog, forKey: .catalog)
        try container.encodeIfPresent(extras?.warnings, forKey: .warnings)
    }
}
