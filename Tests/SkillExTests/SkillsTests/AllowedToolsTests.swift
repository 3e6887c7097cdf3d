import SkillEx
import Testing

/// `allowed-tools` is a string in the spec; a YAML list is reported in both modes (a warning:
/// skills-ref accepts it, and `--strict` keeps its verdict).
@Suite("allowed-tools")
struct AllowedToolsTests {
    static func findings(_ lines: String, mode: ValidationMode) -> SkillValidation {
        let text = "---\nname: pdf\ndescription: Fills forms.\n\(lines)---\n# PDF\n"
        return SpecValidator(mode: mode).validate(text: text, file: "SKILL.md", folderName: "pdf")
    }

    @Test("a YAML list is a warning naming the field, in both modes", arguments: [ValidationMode.standard, .strict])
    func list(_ mode: ValidationMode) throws {
        let result = Self.findings("allowed-tools:\n  - Bash\n  - Read\n", mode: mode)
        let finding = try #require(result.findings.first { $0.rule == "allowed-tools.type" })
        #expect(finding.severity == .warning)
        #expect(finding.field == "allowed-tools")
        #expect(finding.message.contains("list"))
        #expect(finding.fix.contains("allowed-tools: \"Bash Read\""))
        #expect(result.isValid)
    }

    @Test("a string, or no field at all, gives no finding")
    func string() {
        for lines in ["allowed-tools: Bash(git:*) Read\n", ""] {
            #expect(!Self.findings(lines, mode: .standard).findings.contains { $0.rule == "allowed-tools.type" })
        }
    }
}
