import Testing
@testable import SkillEx

@Suite struct RuleCatalogTests {
    @Test func listsEveryLintRuleThenEverySecurityRuleOnce() {
        let rules = RuleCatalog.all()
        let lint = LintRuleSet.standard.definitions.map(\.id), security = SecurityRules.definitions.map(\.id)
        #expect(rules.map(\.id) == lint + security)
        #expect(Set(rules.map(\.id)).count == rules.count)
        #expect(rules.filter { $0.component == ComponentID.security }.allSatisfy { $0.risk?.severity == $0.severity })
        #expect(rules.filter { $0.component == ComponentID.lint }.allSatisfy { $0.risk == nil })
    }
}
