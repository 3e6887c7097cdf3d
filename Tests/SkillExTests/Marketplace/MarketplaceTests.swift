import Foundation
import SkillExTestSupport
import Testing
@testable import SkillEx

@Suite("Plugin marketplace")
struct MarketplaceTests {
    private func entry(_ repo: String, _ name: String) -> SkillEntry {
        SkillEntry(name: name, sourceRepo: repo, targetPath: "\(repo)/\(name)", checksum: "c-\(name)", packagedAt: "")
    }

    @Test func reservedAndImpersonatingNamesAreRefused() {
        #expect(MarketplaceNames.marketplaceProblem("acme-skills") == nil)
        #expect(MarketplaceNames.marketplaceProblem("agent-skills")?.contains("reserved") == true)
        #expect(MarketplaceNames.marketplaceProblem("claude-plugins-official")?.contains("reserved") == true)
        #expect(MarketplaceNames.marketplaceProblem("official-claude-tools") != nil)
        #expect(MarketplaceNames.marketplaceProblem("my-anthropic-hub") != nil)
        #expect(MarketplaceNames.marketplaceProblem("Acme Skills")?.contains("kebab-case") == true)
        #expect(MarketplaceNames.slug("  Data_Team (EU) ") == "data-team-eu")
    }

    @Test func pluginsGroupByRepositoryByDefaultAndByTheManifestsGroups() {
        let skills = [entry("data-team", "sql"), entry("Docs Guild", "style"), entry("platform", "pdf"), entry("data-team", "csv")]
        let byRepo = MarketplacePlan.make(skills, settings: MarketplaceSettings(), hubName: "hub")
        #expect(byRepo.plugins.map(\.name) == ["data-team", "docs-guild", "platform"])
        #expect(byRepo.plugins[0].skills.map(\.name) == ["csv", "sql"])
        var grouped = MarketplaceSettings()
        grouped.groups = ["writing": ["Docs Guild", "platform"]]
        let plan = MarketplacePlan.make(skills, settings: grouped, hubName: "hub")
        #expect(plan.plugins.map(\.name) == ["data-team", "writing"])
        var whole = MarketplaceSettings()
        whole.groupBy = "hub"
        #expect(MarketplacePlan.make(skills, settings: whole, hubName: "acme").plugins.map(\.name) == ["acme"])
    }

    @Test func twoSkillsOfOneNameInAPluginKeepTheFirstAndWarn() {
        var whole = MarketplaceSettings()
        whole.groupBy = "hub"
        let plan = MarketplacePlan.make([entry("b", "pdf"), entry("a", "pdf")], settings: whole, hubName: "hub")
        #expect(plan.plugins[0].skills.map(\.sourceRepo) == ["a"])
        #expect(plan.warnings.count == 1)
    }

    @Test func theEmittedShapeHasTheDocumentedFieldsAndRewritesNothingWhenUnchanged() throws {
        let hub = try TestWorkspace("""
            -- skills/data-team/sql/SKILL.md --
            ---
            name: sql
            description: Reviews SQL.
            ---
            Body.
            """)
        defer { hub.remove() }
        var manifest = Manifest(skills: [entry("data-team", "sql")])
        try manifest.extra.encode(["enabled": true], key: "marketplace")
        let stage = MarketplaceStage(workspace: hub.workspace())
        let first = try #require(try stage.emit(manifest, version: "1.0.0"))
        #expect(first.written && first.plugins == 1 && first.skills == 1)
        let market = try JSONSerialization.jsonObject(
            with: Data(contentsOf: hub.url("marketplace/.claude-plugin/marketplace.json"))) as? [String: Any]
        #expect(market?["name"] as? String == "skillex-hub")
        #expect((market?["owner"] as? [String: Any])?["name"] as? String == "SkillEx hub")
        let plugins = market?["plugins"] as? [[String: Any]]
        #expect(plugins?.first?["source"] as? String == "./plugins/data-team")
        #expect(hub.exists("marketplace/plugins/data-team/.claude-plugin/plugin.json"))
        #expect(hub.exists("marketplace/plugins/data-team/skills/sql/SKILL.md"))
        #expect(!hub.exists("marketplace/plugins/data-team/plugin.json"))
        #expect(try stage.emit(manifest, version: "1.0.0")?.written == false)
        #expect(try stage.emit(manifest, version: "1.0.1")?.written == true)
        #expect(try stage.emit(Manifest(skills: []), version: "1.0.0") == nil)
    }
}
