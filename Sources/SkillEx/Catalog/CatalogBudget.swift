/// The catalog an agent preloads: every installed skill's name and description, which some
/// agents cap in characters (beyond the cap they shorten descriptions or leave skills out). This
/// measures the admitted skills' catalog against those caps, so a hub sees it before its users do.
public struct CatalogBudget: Codable, Sendable, Equatable {
    /// One agent's cap and how full the hub's catalog would make it.
    public struct Cap: Codable, Sendable, Equatable {
        /// The agent (`--agent` names).
        public var agent: String
        /// Characters the agent preloads at most.
        public var limit: Int
        /// `characters` as a percentage of `limit`, one decimal.
        public var percent: Double
        /// True when the catalog is longer than the cap.
        public var over: Bool
        /// Where the cap comes from.
        public var basis: String
    }

    /// Admitted skills counted.
    public var skills: Int
    /// Characters (Unicode scalars) of their names and descriptions together.
    public var characters: Int
    public var caps: [Cap]

    /// The caps we know: (agent, characters, basis).
    public static let documented: [(agent: String, limit: Int, basis: String)] = [
        ("codex", 8_000, "Codex docs: the initial skills list is capped at about 2% of the context window, 8,000 characters when it is unknown"),
        ("claude-code", 8_000, "Claude Code lists skills within 1% of the context window: 8,000 characters on a 200,000-token model"),
    ]

    /// The catalog of skills given as (name, description).
    public static func measure(_ skills: [(name: String, description: String)]) -> CatalogBudget {
        let characters = skills.reduce(0) { $0 + $1.name.unicodeScalars.count + $1.description.unicodeScalars.count }
        let caps = documented.map { cap in
            Cap(agent: cap.agent, limit: cap.limit,
                percent: (Double(characters) / Double(cap.limit) * 1000).rounded() / 10,
                over: characters > cap.limit, basis: cap.basis)
        }
        return CatalogBudget(skills: skills.count, characters: characters, caps: caps)
    }

    /// One warning line naming every cap the catalog passes; none when it fits them all.
    public var warnings: [String] {
        let over = caps.filter(\.over)
        guard !over.isEmpty else { return [] }
        let named = over.map { "\($0.agent) \($0.limit) (\($0.percent)%)" }.joined(separator: ", ")
        return ["catalog budget: \(characters) characters of names and descriptions in \(skills) admitted skills, "
            + "over the preloaded skills list of \(named): agents will shorten descriptions or leave skills out"]
    }
}
