import SkillExMarkdown
import Testing

@Suite("Front matter split")
struct FrontMatterTests {
    @Test("splits the YAML block from the body")
    func basic() {
        let (yaml, body) = FrontMatter.split("---\nname: a\n---\n# Body\n")
        #expect(yaml == "name: a\n")
        #expect(body == "# Body\n")
    }

    @Test("a '---' inside a value does not close the block")
    func dashesInValue() {
        let (yaml, body) = FrontMatter.split("---\ndescription: \"a --- b\"\n---\nbody")
        #expect(yaml == "description: \"a --- b\"\n")
        #expect(body == "body")
    }

    @Test("tolerates a BOM and CRLF line ends")
    func bomAndCRLF() {
        let (yaml, body) = FrontMatter.split("\u{FEFF}---\r\nname: a\r\n---\r\nbody")
        #expect(yaml == "name: a\r\n")
        #expect(body == "body")
    }

    @Test("no closing fence means no front matter")
    func unclosed() {
        let (yaml, body) = FrontMatter.split("---\nname: a\n")
        #expect(yaml == nil)
        #expect(body == "---\nname: a\n")
    }

    @Test("text without an opening fence is all body")
    func none() {
        #expect(FrontMatter.split("# Title").yaml == nil)
        #expect(FrontMatter.split("").yaml == nil)
    }

    @Test("line ends found by bytes split as characters would: CR LF, a lone CR, marks after a break")
    func lineEndsAsCharacters() {
        // Each case with the YAML and body a split by characters gives.
        let cases: [(String, String?, String)] = [
            ("---\r\nname: a\r\n---  \r\nbody\r\n", "name: a\r\n", "body\r\n"),
            ("---\nname: a\r---\n---\nbody", "name: a\r---\n", "body"),
            ("---\r\n---\r\n", "", ""),
            ("---\n\u{301}---\n---\nx", "\u{301}---\n", "x"),
            ("---\nkey: é\n...\t\r\n# B", "key: é\n", "# B"),
            ("---\r\nname: a\r\n---", "name: a\r\n", ""),
            ("--- \nname: a\n---\n", "name: a\n", ""),
            ("---\rname: a\n---\n", nil, "---\rname: a\n---\n"),
            ("\n---\nname: a\n---\n", nil, "\n---\nname: a\n---\n"),
        ]
        for (text, yaml, body) in cases {
            let split = FrontMatter.split(text)
            #expect(split.yaml.map(String.init) == yaml, "\(text.debugDescription)")
            #expect(String(split.body) == body, "\(text.debugDescription)")
        }
    }
}
