import Foundation
import SkillEx
import Testing

/// Every name a validator fix proposes must pass the validator itself.
@Suite("Skill name suggestions")
struct SkillNameSuggestionTests {
    static let badNames = [
        "Internal_Comms", "PDF", "pd_f", "my skill", "-pdf", "pdf-", "pd--f", "--", "-", "_", "   ",
        "Ünï", "ÉCOLE_Notes", "a.b.c", "a/b", "tab\tname", "new\nline", "emoji🎉name", "🎉", "İstanbul",
        "ǅemal", "ﬁle", "ＦＵＬＬ", "Σίσυφος", "a--b--c", "x" + String(repeating: "y", count: 80),
        String(repeating: "ab_", count: 30), "name\u{1B}[2J", "\u{202E}evil", "a\u{0301}b", "Ⅻ-roman",
        "123", "release notes (v2)", "CamelCaseName", "snake_case_name", "kebab-Case", "...",
    ]

    static func validation(_ name: String, folder: String) -> SkillValidation {
        let text = "---\nname: \"\(name.replacingOccurrences(of: "\"", with: "\\\""))\"\ndescription: d\n---\n"
        return SpecValidator().validate(text: text, file: "SKILL.md", folderName: folder)
    }

    @Test("Internal_Comms becomes internal-comms")
    func internalComms() {
        #expect(SkillNameSuggestion.suggestion(for: "Internal_Comms") == "internal-comms")
        let findings = Self.validation("Internal_Comms", folder: "Internal_Comms").findings
        let fix = findings.first { $0.rule == "name.lowercase" }?.fix ?? ""
        #expect(fix.contains("'internal-comms'"))
        #expect(!findings.contains { $0.fix.contains("internal_comms") })
    }

    @Test("every suggestion passes the validator as the name of a folder of that name", arguments: badNames)
    func suggestionIsValid(_ bad: String) {
        let suggested = SkillNameSuggestion.suggestion(for: bad)
        #expect(SkillNameSuggestion.isValid(suggested), "\(bad) -> \(suggested)")
        let findings = Self.validation(suggested, folder: suggested).findings
        #expect(findings.isEmpty, "\(bad) -> \(suggested): \(findings.map(\.message))")
    }

    @Test("isValid agrees with the validator's name rules", arguments: badNames + ["pdf", "données", "日本語", "a-b"])
    func isValidAgrees(_ name: String) {
        let validation = Self.validation(name, folder: name)
        // A raw control character makes the YAML itself invalid: no name rule runs then.
        guard validation.document != nil else { return }
        let byValidator = validation.findings.filter { $0.rule.hasPrefix("name.") }.isEmpty
        #expect(SkillNameSuggestion.isValid(name) == byValidator, "\(name)")
    }

    @Test("each name a fix quotes is a valid name", arguments: badNames)
    func fixesQuoteValidNames(_ bad: String) {
        var quotedNames = 0
        for folder in [bad, "pdf", "Other_Folder"] {
            let findings = Self.validation(bad, folder: folder).findings.filter { $0.rule.hasPrefix("name.") }
            for finding in findings {
                for quoted in Self.proposedNames(in: finding.fix) {
                    quotedNames += 1
                    #expect(SkillNameSuggestion.isValid(quoted), "\(finding.rule) for \(bad) in \(folder): \(finding.fix)")
                }
            }
        }
        // A name whose YAML does not read gets no name rule, so no fix to check.
        let reads = Self.validation(bad, folder: bad).document != nil
        #expect(quotedNames > 0 || !reads, "no fix for \(bad) quoted a name to check")
    }

    /// The names a fix proposes: `'name: X'` and the quoted name after Use/Rename…to/e.g./`:`.
    static func proposedNames(in fix: String) -> [String] {
        var names: [String] = []
        var rest = Substring(fix)
        while let open = rest.firstIndex(of: "'") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "'") else { break }
            var quoted = String(after[..<close])
            rest = after[after.index(after: close)...]
            if quoted == "-" || quoted == "--" { continue }
            if quoted.hasPrefix("name: ") {
                quoted = String(quoted.dropFirst(6))
                if quoted.hasPrefix("\""), quoted.hasSuffix("\""), quoted.count >= 2 {
                    quoted = String(quoted.dropFirst().dropLast())
                }
            }
            names.append(quoted)
        }
        return names
    }
}
