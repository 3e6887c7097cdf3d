import SkillEx

/// `skillex package --format json`: the pack's fields at the top level, plus the gate's refusals.
struct PackageReport: Encodable {
    let pack: PackResult
    let refused: [GateRefusal]
    /// Issue #20: the marketplace and the catalog budget.
    var extras: PackageExtras.Report?

    private struct Refusal: Encodable {
        let repo: String
        let skill: String
        let score: Double
        let threshold: Double
        let message: String
        let findings: [ScoreFinding]
    }

    private enum CodingKeys: String, CodingKey { case refused, marketplace, catalog, warnings }

    func encode(to encoder: any Encoder) throws {
        try pack.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(
            refused.map {
                Refusal(repo: $0.repo, skill: $0.skill, score: $0.score, threshold: $0.threshold,
                        message: $0.description, findings: $0.findings)
            }, forKey: .refused)
        try container.encodeIfPresent(extras?.marketplace, forKey: .marketplace)
        try container.encodeIfPresent(extras?.catalog, forKey: .catalog)
        try container.encodeIfPresent(extras?.warnings, forKey: .warnings)
    }

    /// The marketplace line and the warnings of `extras`, for text output.
    static func printExtras(_ extras: PackageExtras.Report) {
        if let market = extras.marketplace {
            Terminal.out(
                "marketplace \(market.name): \(market.plugins) plugins, \(market.skills) skills in \(market.folder)"
                    + (market.written ? "" : " (unchanged)"))
        }
        for line in extras.warnings { Terminal.err(Terminal.paint("warning", "33", fd: 2) + ": " + line) }
    }
}
