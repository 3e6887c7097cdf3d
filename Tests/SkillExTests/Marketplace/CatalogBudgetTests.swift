import Testing
@testable import SkillEx

@Suite("Catalog budget")
struct CatalogBudgetTests {
    @Test func countsNamesAndDescriptionsAgainstEachCap() {
        let small = CatalogBudget.measure([("pdf", "Makes PDFs."), ("sql", "Reviews SQL.")])
        #expect(small.characters == 3 + 11 + 3 + 12)
        #expect(small.caps.map(\.agent) == ["codex", "claude-code"])
        #expect(small.caps.allSatisfy { !$0.over } && small.warnings.isEmpty)
        let big = CatalogBudget.measure((0..<9).map { ("s\($0)", String(repeating: "é", count: 998)) })
        #expect(big.characters == 9 * 1000)
        #expect(big.caps[0].percent == 112.5 && big.caps[0].over)
        #expect(big.warnings == [
            "catalog budget: 9000 characters of names and descriptions in 9 admitted skills, over the preloaded skills "
                + "list of codex 8000 (112.5%), claude-code 8000 (112.5%): agents will shorten descriptions or leave skills out"])
    }
}
