import Foundation

/// Which plugins a marketplace has and which skills each holds: one plugin per repository by
/// default, one for the whole hub with `group_by: hub`, and named groups of repositories from
/// `groups`. Plugins and skills are sorted by name bytes so the output is reproducible.
struct MarketplacePlan: Sendable, Equatable {
    struct Plugin: Sendable, Equatable {
        var name: String
        var repositories: [String]
        var skills: [SkillEntry]
    }

    var plugins: [Plugin]
    /// Skills left out, one line each (a second skill of the same name in one plugin).
    var warnings: [String]

    static func make(_ skills: [SkillEntry], settings: MarketplaceSettings, hubName: String) -> MarketplacePlan {
        var groupOf: [String: String] = [:]
        for (group, repos) in (settings.groups ?? [:]).sorted(by: { $0.key < $1.key }) {
            let name = MarketplaceNames.slug(group)
            for repo in repos where groupOf[repo] == nil { groupOf[repo] = name.isEmpty ? "skills" : name }
        }
        var byPlugin: [String: [SkillEntry]] = [:]
        for skill in skills {
            let fallback = settings.groupBy == "hub" ? hubName : MarketplaceNames.slug(skill.sourceRepo)
            byPlugin[groupOf[skill.sourceRepo] ?? (fallback.isEmpty ? "skills" : fallback), default: []].append(skill)
        }
        var plugins: [Plugin] = []
        var warnings: [String] = []
        for name in byPlugin.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            var seen = Set<String>()
            var kept: [SkillEntry] = []
            let sorted = (byPlugin[name] ?? []).sorted { a, b in
                a.name != b.name
                    ? a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
                    : a.sourceRepo.utf8.lexicographicallyPrecedes(b.sourceRepo.utf8)
            }
            for skill in sorted {
                if skill.name.contains("/") || skill.name.hasPrefix(".") || skill.name.isEmpty {
                    warnings.append("\(skill.sourceRepo)/\(skill.name): not in plugin \(name): not a usable folder name")
                } else if seen.insert(skill.name).inserted {
                    kept.append(skill)
                } else {
                    warnings.append("\(skill.sourceRepo)/\(skill.name): not in plugin \(name): another skill there has its name")
                }
            }
            let repos = Set(kept.map(\.sourceRepo)).sorted()
            plugins.append(Plugin(name: name, repositories: repos, skills: kept))
        }
        return MarketplacePlan(plugins: plugins, warnings: warnings)
    }
}
