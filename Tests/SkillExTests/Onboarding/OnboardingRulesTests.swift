@testable import SkillEx
import Testing

@Suite("Onboarding answer rules")
struct OnboardingRulesTests {
    @Test(arguments: ["pdf", "csv-cleanup", "a1-b2", "données"])
    func validSkillNames(_ name: String) {
        #expect(OnboardingRules.skillNameProblems(name).isEmpty)
    }

    @Test func skillNamesUseTheValidatorsMessages() {
        #expect(OnboardingRules.skillNameProblems("Bad_Name").first == "name 'Bad_Name' must be lowercase")
        #expect(OnboardingRules.skillNameProblems("-edge") == ["name must not start or end with a hyphen"])
        #expect(OnboardingRules.skillNameProblems("a--b") == ["name must not contain '--'"])
        #expect(OnboardingRules.skillNameProblems(String(repeating: "a", count: 65)).first == "name is 65 characters; the limit is 64")
        #expect(OnboardingRules.skillNameProblems("a/b") == ["name must not contain a slash"])
        #expect(OnboardingRules.skillNameProblems("") == ["name is empty"])
        #expect(!OnboardingRules.skillNameProblems("quote\"name").isEmpty)
    }

    @Test func repositoryNamesAndSkillsFolders() {
        #expect(OnboardingRules.repositoryNameProblem("data-team") == nil)
        #expect(OnboardingRules.repositoryNameProblem("Data_Team.v2") == nil)
        #expect(OnboardingRules.repositoryNameProblem(".hidden") == "repository name must not start with '.'")
        #expect(OnboardingRules.repositoryNameProblem("a b") != nil)
        #expect(OnboardingRules.repositoryNameProblem("${{ x }}") != nil)
        #expect(OnboardingRules.skillsDirProblem("skills") == nil)
        #expect(OnboardingRules.skillsDirProblem(".claude/skills") == nil)
        #expect(OnboardingRules.skillsDirProblem("/abs") == "skills folder must be relative to the repository")
        #expect(OnboardingRules.skillsDirProblem("a/../b") == "skills folder must not contain '..'")
        #expect(OnboardingRules.skillsDirProblem("a'b") != nil)
    }

    @Test func descriptions() {
        #expect(OnboardingRules.descriptionProblem("  ") != nil)
        #expect(OnboardingRules.descriptionProblem(String(repeating: "x", count: 1025)) == "description is 1025 characters; the limit is 1024")
        #expect(OnboardingRules.descriptionProblem("Does X. Use when Y.") == nil)
        #expect(OnboardingRules.descriptionAdvice("Does X.") != nil)
        #expect(OnboardingRules.descriptionAdvice("Does X. Use when Y.") == nil)
    }

    @Test func ciLists() throws {
        #expect(try CISystem.parseList("gitlab, github") == [.github, .gitlab])
        #expect(try CISystem.parseList("none") == [])
        #expect(throws: OnboardingError.self) { try CISystem.parseList("github,jenkins") }
        #expect(CISystem.listText([.buildkite, .github]) == "github,buildkite")
    }

    @Test func scaffoldedSkillIsValid() {
        let text = ScaffoldTemplates.skill(name: "csv-audit", description: "Audits \"CSV\" files: all of them. Use when an import fails.")
        let result = SpecValidator().validate(text: text, file: "SKILL.md", folderName: "csv-audit")
        #expect(result.findings.isEmpty)
        #expect(result.document?.description == "Audits \"CSV\" files: all of them. Use when an import fails.")
    }
}
