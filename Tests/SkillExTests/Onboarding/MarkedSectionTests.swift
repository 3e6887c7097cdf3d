@testable import SkillEx
import Testing

@Suite("README marker sections")
struct MarkedSectionTests {
    let markers = MarkedSection.markdown

    @Test func appendsAfterABlankLineThenReplacesInPlace() throws {
        let first = try markers.update("# Repo\n\nIntro.\n", with: markers.wrap("v1"))
        #expect(first == "# Repo\n\nIntro.\n\n\(markers.begin)\nv1\n\(markers.end)\n")
        let edited = first + "\n## After\n"
        let second = try markers.update(edited, with: markers.wrap("v2\nmore"))
        #expect(second == "# Repo\n\nIntro.\n\n\(markers.begin)\nv2\nmore\n\(markers.end)\n\n## After\n")
        #expect(try markers.update(second, with: markers.wrap("v2\nmore")) == second)
    }

    @Test func findsMarkersWhoseTailWasReworded() throws {
        let text = "<!-- skillex init: begin (old wording) -->\nold\n<!-- skillex init: end -->\nrest\n"
        #expect(try markers.current(in: text) == "<!-- skillex init: begin (old wording) -->\nold\n<!-- skillex init: end -->\n")
        #expect(try markers.update(text, with: markers.wrap("new")) == markers.wrap("new") + "rest\n")
    }

    @Test func aBeginWithoutAnEndIsAnError() {
        #expect(throws: OnboardingError.self) { try markers.update("\(markers.begin)\nno end\n", with: markers.wrap("x")) }
    }

    @Test func yamlMarkersAreComments() throws {
        let yaml = MarkedSection.yaml
        #expect(yaml.begin.hasPrefix("# ") && yaml.end.hasPrefix("# "))
        #expect(try yaml.update("", with: yaml.wrap("job: {}")) == yaml.wrap("job: {}"))
    }

    @Test func readmeSectionListsSkillsEscaped() {
        let section = ReadmeSection(
            repository: "acme", skillsDir: "skills",
            skills: [.init(name: "b", description: "Pipes | and <b>tags</b>"), .init(name: "a", description: "First.")],
            siteURL: "https://hub.example.com/")
        let text = section.markdown
        #expect(text.contains("| [`a`](skills/a/SKILL.md) | First. |\n| [`b`](skills/b/SKILL.md) | Pipes \\| and &lt;b&gt;tags&lt;/b&gt; |"))
        #expect(text.contains("<https://hub.example.com/skills/acme/>"))
        let odd = ReadmeSection(
            repository: "acme", skillsDir: "skills", skills: [.init(name: "x](javascript:y)", description: "`code`")],
            siteURL: nil).markdown
        #expect(odd.contains("| x\\](javascript:y) | \\`code\\` |"))
        let noSite = ReadmeSection(repository: "acme", skillsDir: "skills", skills: [], siteURL: nil).markdown
        #expect(noSite.contains("under `skills/acme/<skill>/`"))
    }
}
