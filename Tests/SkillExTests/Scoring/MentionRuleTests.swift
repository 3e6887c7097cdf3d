import Foundation
import Testing
@testable import SkillEx

@Suite("Link case and script extension checks")
struct MentionRuleTests {
    /// The findings of `rules` on a skill made of `files`, as `rule@line: remediation`.
    private func found(_ files: [String: String], rules: Set<String> = ["link-case-mismatch", "script-missing-extension", "link-missing"]) throws -> [String] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mention-\(UUID().uuidString)/demo")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let context = LintContext.load(folder: root, files: try SkillFiles.list(root), settings: ScoringSettings(), validator: SpecValidator())
        return LintRuleSet.standard.findings(context, settings: ScoringSettings())
            .filter { rules.contains($0.rule) }
            .map { "\($0.rule)@\($0.line ?? 0): \($0.remediation)" }.sorted()
    }

    private func skill(_ body: String) -> String {
        "---\nname: demo\ndescription: Fills PDF forms from a data file. Use when a form must be filled.\n---\n\n\(body)\n"
    }

    @Test("a link or mention whose file exists only with another case is a warning naming the exact name")
    func caseMismatch() throws {
        let body = """
            Read [the forms guide](FORMS.md) and [the reference](references/Reference.md).
            Also see `references/FORMS.md`, `REFERENCE.MD` and `forms.md` (exact).
            [Missing](references/nothing.md) stays an error.
            """
        #expect(try found([
            "SKILL.md": skill(body), "forms.md": "f", "references/reference.md": "r", "references/forms.md": "rf",
        ]) == [
            "link-case-mismatch@6: Write 'forms.md' instead of 'FORMS.md'.",
            "link-case-mismatch@6: Write 'references/reference.md' instead of 'references/Reference.md'.",
            "link-case-mismatch@7: Write 'references/forms.md' instead of 'references/FORMS.md'.",
            "link-case-mismatch@7: Write 'references/reference.md' instead of 'REFERENCE.MD'.",
            "link-missing@8: Add the file to the skill, or fix or remove the link.",
        ])
    }

    @Test("prose names a file with another case, in ASCII or not; words that name no file are left alone")
    func proseMentions() throws {
        let body = """
            Read FORMS.md first, then ÜBERSICHT.md. Words like paper.md, notes and e.g. stay quiet.
            """
        #expect(try found([
            "SKILL.md": skill(body), "forms.md": "f", "übersicht.md": "u", "notes.txt": "n",
        ], rules: ["link-case-mismatch", "script-missing-extension"]) == [
            "link-case-mismatch@6: Write 'forms.md' instead of 'FORMS.md'.",
            "link-case-mismatch@6: Write 'übersicht.md' instead of 'ÜBERSICHT.md'.",
        ])
    }

    @Test("a script named without its extension is a warning naming the file; folders and plain words are not")
    func missingExtension() throws {
        let body = """
            Run `python scripts/fill_form --data in.json`, then [check](scripts/check_fields).

            ```bash
            scripts/fill_form out.pdf
            cd scripts/office && ls output/report
            ```

            Words like `fill_form` and `scripts/office` are fine.
            """
        #expect(try found([
            "SKILL.md": skill(body), "scripts/fill_form.py": "", "scripts/check_fields.sh": "", "scripts/office/pack.py": "",
        ]) == [
            "script-missing-extension@9: Write 'scripts/fill_form.py' instead of 'scripts/fill_form'.",
            "script-missing-extension@6: Write 'scripts/check_fields.sh' instead of 'scripts/check_fields'.",
            "script-missing-extension@6: Write 'scripts/fill_form.py' instead of 'scripts/fill_form'.",
        ].sorted())
    }

    @Test("an ambiguous name (two files differ only in extension or case) gets no guess")
    func ambiguous() throws {
        let body = "Run `scripts/build` or read `GUIDE.md`."
        #expect(try found(["SKILL.md": skill(body), "scripts/build.sh": "", "scripts/build.py": "", "a/guide.md": "", "b/guide.md": ""]) == [])
    }
}
