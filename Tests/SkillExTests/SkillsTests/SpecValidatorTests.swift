import Foundation
import SkillEx
import Testing

@Suite("Spec validator")
struct SpecValidatorTests {
    func rules(_ text: String, folder: String = "pdf", mode: ValidationMode = .standard) -> [String] {
        SpecValidator(mode: mode).validate(text: text, file: "SKILL.md", folderName: folder)
            .errors.map(\.rule)
    }

    @Test("a minimal skill is valid in both modes")
    func minimal() {
        let text = "---\nname: pdf\ndescription: Fills PDF forms. Use when a form needs filling.\n---\n# PDF\n"
        #expect(rules(text).isEmpty)
        #expect(rules(text, mode: .strict).isEmpty)
    }

    @Test(
        "name rules",
        arguments: [
            ("PDF", "PDF", "name.lowercase"),
            ("-pdf", "-pdf", "name.hyphen-edge"),
            ("pdf-", "pdf-", "name.hyphen-edge"),
            ("pd--f", "pd--f", "name.double-hyphen"),
            ("pd_f", "pd_f", "name.characters"),
            ("pdf", "other", "name.folder-mismatch"),
            (String(repeating: "a", count: 65), String(repeating: "a", count: 65), "name.length"),
            ("\"\"", "pdf", "name.required"),
        ])
    func nameRules(_ name: String, _ folder: String, _ rule: String) {
        #expect(rules("---\nname: \(name)\ndescription: d\n---\n", folder: folder).contains(rule))
    }

    @Test("Unicode lowercase letters are allowed and NFKC-normalised")
    func unicode() {
        #expect(rules("---\nname: données\ndescription: d\n---\n", folder: "données").isEmpty)
        #expect(rules("---\nname: café\ndescription: d\n---\n", folder: "cafe\u{301}").isEmpty)
        #expect(rules("---\nname: Ünï\ndescription: d\n---\n", folder: "Ünï").contains("name.lowercase"))
    }

    @Test("description and compatibility limits")
    func limits() {
        let long = String(repeating: "x", count: 1025)
        #expect(rules("---\nname: pdf\ndescription: \(long)\n---\n").contains("description.length"))
        #expect(rules("---\nname: pdf\n---\n").contains("description.required"))
        #expect(rules("---\nname: pdf\ndescription: d\ncompatibility: \(String(repeating: "c", count: 501))\n---\n")
            .contains("compatibility.length"))
        #expect(rules("---\nname: pdf\ndescription: d\ncompatibility:\n  - a\n---\n").contains("compatibility.type"))
    }

    @Test("unknown fields are errors; Claude Code fields only warn in standard mode")
    func fields() {
        #expect(rules("---\nname: pdf\ndescription: d\nauthor: me\n---\n").contains("frontmatter.unknown-field"))
        let claude = "---\nname: pdf\ndescription: d\nmodel: sonnet\n---\n"
        #expect(rules(claude).isEmpty)
        #expect(rules(claude, mode: .strict).contains("frontmatter.unknown-field"))
    }

    @Test("YAML scalars are read as written: yes and 3.10 stay text")
    func scalarsAsText() {
        let validation = SpecValidator().validate(
            text: "---\nname: pdf\ndescription: yes\nmetadata:\n  version: 3.10\n---\n", file: "SKILL.md", folderName: "pdf")
        #expect(validation.isValid)
        #expect(validation.document?.description == "yes")
        #expect(validation.document?["metadata"] == .mapping([(key: "version", value: .text("3.10"))]))
    }

    @Test("front matter problems")
    func frontMatter() {
        #expect(rules("# no front matter\n").contains("frontmatter.missing"))
        #expect(rules("---\nname: pdf\n").contains("frontmatter.unclosed"))
        #expect(rules("---\nname: [unclosed\n---\n").contains("frontmatter.yaml"))
        #expect(rules("---\n- a\n- b\n---\n").contains("frontmatter.not-mapping"))
        #expect(rules("---\nname: pdf\nname: pdf\ndescription: d\n---\n") == ["frontmatter.yaml"])
    }

    @Test("strict mode follows skills-ref where the spec is silent")
    func strictDifferences() {
        let bom = "\u{FEFF}---\nname: pdf\ndescription: d\n---\n"
        #expect(rules(bom).isEmpty)
        #expect(rules(bom, mode: .strict).contains("encoding.bom"))
        let flow = "---\nname: pdf\ndescription: d\nmetadata: {a: b}\n---\n"
        #expect(rules(flow).isEmpty)
        #expect(rules(flow, mode: .strict).contains("frontmatter.yaml"))
        let dashes = "---\nname: pdf\ndescription: \"a --- b\"\n---\n"
        #expect(rules(dashes).isEmpty)
        #expect(!rules(dashes, mode: .strict).isEmpty)
        let badMetadata = "---\nname: pdf\ndescription: d\nmetadata: plain\n---\n"
        #expect(rules(badMetadata).contains("metadata.type"))
        #expect(rules(badMetadata, mode: .strict).isEmpty)
    }

    @Test("every finding names the file, the rule and a fix")
    func findingShape() {
        let validation = SpecValidator().validate(text: "---\nname: Bad_Name\n---\n", file: "x/SKILL.md", folderName: "x")
        #expect(!validation.findings.isEmpty)
        for finding in validation.findings {
            #expect(finding.file == "x/SKILL.md")
            #expect(!finding.rule.isEmpty)
            #expect(!finding.fix.isEmpty)
            #expect(finding.line.contains("x/SKILL.md"))
        }
    }
}
