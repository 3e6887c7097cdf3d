import SkillEx

/// `skillex package --format json`: the pack's fields at the top level, plus the gate's refusals.
struct PackageReport: Encodable {
    let pack: PackResult
    let refused: [GateRefusal]

    private struct Refusal: Encodable {
        let repo: String
        let skill: String
        let score: Double
        let threshold: Double
        let message: String
        let findings: [ScoreFinding]
    }

    private enum CodingKeys: String, CodingKey { case refused }

    func encode(to encoder: any Encoder) throws {
        try pack.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(
            refused.map {
                Refusal(repo: $0.repo, skill: $0.skill, score: $0.score, threshold: $0.threshold,
                        message: $0.description, findings: $0.findings)
            }, forKey: .refused)
    }
}
