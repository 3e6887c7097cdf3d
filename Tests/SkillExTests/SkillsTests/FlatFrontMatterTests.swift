@testable import SkillEx
import Testing

@Suite("Flat front-matter fast path")
struct FlatFrontMatterTests {
    /// Front matters the fast path must either take with Yams's exact fields, or hand to Yams.
    static let samples: [String] = [
        "name: pdf\ndescription: Fills PDF forms. Use when a form needs filling.\n",
        "name: pdf\ndescription: \"Quoted: with a colon, # and 'single' quotes\"\nlicense: MIT\n",
        "name: pdf\ndescription: 'single ''escaped'' quote'\n",
        "name: pdf\ndescription: \"escaped \\\" quote\"\n",
        "name: pdf\ndescription: plain with # comment\n",
        "name: pdf\ndescription: plain: colon space\n",
        "name: pdf\ndescription: plain:colon-no-space\n",
        "name: pdf\ndescription: trailing spaces   \n",
        "name:   pdf\ndescription:    many spaces\n",
        "name: pdf\n\ndescription: blank line between\n",
        "name: pdf\n  \ndescription: spaced blank line\n",
        "name: pdf\nname: twice\n",
        "name: pdf\ndescription:\n",
        "name: pdf\nmetadata:\n  owner: team\n",
        "name: pdf\ntags: [a, b]\n",
        "name: pdf\ndescription: >\n  folded\n",
        "name: pdf\ndescription: ends with colon:\n",
        "name: pdf\ndescription: café au lait\n",
        "name: pdf\ndescription: \"tab\there\"\n",
        "name: true\nversion: 1.0\nnull-ish: ~\n",
        "name: 123\ndescription: yes\n",
        "# comment\nname: pdf\n",
        "name: pdf # trailing comment\n",
        "name: -pdf\n",
        "name: pdf\ndescription: \"\"\n",
        "name: pdf\ndescription: {curly} text\n",
        "name: pdf\ndescription: x, y and [z]\n",
        "Name_2: x\nkey-3: y\n",
        "name: pdf\n...\n",
        "",
        "\n\n",
    ]

    @Test("the fast path gives exactly what Yams gives", arguments: samples)
    func matchesYams(_ yaml: String) {
        for mode in [ValidationMode.standard, .strict] {
            let text = "---\n" + yaml + "---\n# Body\n"
            let fast = SkillDocumentParser.parse(text, file: "SKILL.md", mode: mode)
            let yams = SkillDocumentParser.parse(text, file: "SKILL.md", mode: mode, flatFastPath: false)
            #expect(fast.document == yams.document)
            #expect(fast.findings == yams.findings)
        }
    }

    @Test("the common flat form is taken by the fast path, other forms are not")
    func takesOnlyTheFlatForm() {
        let flat = FlatFrontMatter.fields("name: pdf\ndescription: \"Fills forms: fast.\"\nlicense: MIT\n")
        #expect(flat?.map(\.key) == ["name", "description", "license"])
        #expect(flat?[1].value == .text("Fills forms: fast."))
        #expect(FlatFrontMatter.fields("name: pdf\nmetadata:\n  owner: team\n") == nil)
        #expect(FlatFrontMatter.fields("name: pdf\nname: again\n") == nil)
        #expect(FlatFrontMatter.fields("name: café\n") == nil)
    }
}
