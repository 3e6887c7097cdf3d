import Foundation
import SkillEx
import Testing

@Suite("Front matter bombs")
struct FrontMatterBombTests {
    private func errors(_ text: String) -> [SpecFinding] {
        SpecValidator().validate(text: text, file: "SKILL.md", folderName: "s").errors
    }

    @Test("billion laughs: aliases that expand past the value budget are refused")
    func billionLaughs() {
        var lines = ["---", "name: s", "description: &a \"lol\"", "metadata:"]
        var previous = "a"
        for name in "bcdefghij" {
            lines.append("  \(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
            previous = String(name)
        }
        lines.append("---")
        let found = errors(lines.joined(separator: "\n"))
        #expect(found.map(\.rule) == ["frontmatter.too-complex"])
        #expect(found.first?.message.contains("10000 values") == true)
    }

    @Test("a few aliases within the budget still parse")
    func smallAliases() {
        let text = "---\nname: s\ndescription: &d \"Fills forms. Use when a form needs filling.\"\nmetadata:\n  a: *d\n---\n"
        #expect(errors(text).isEmpty)
    }

    @Test("deep nesting is a one-line YAML error, not a crash")
    func deepNesting() {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let found = errors("---\nname: s\ndescription: d\nmetadata:\n  x: \(deep)\n---\n")
        #expect(found.map(\.rule) == ["frontmatter.yaml"])
        #expect(found.first?.message.contains("nest too deeply") == true)
    }

    @Test("a front matter over the size limit is refused before parsing")
    func tooLarge() {
        let filler = String(repeating: "x", count: SkillSpec.maxFrontMatterBytes)
        let found = errors("---\nname: s\ndescription: d\nmetadata:\n  f: \"\(filler)\"\n---\n")
        #expect(found.map(\.rule) == ["frontmatter.too-large"])
    }
}
