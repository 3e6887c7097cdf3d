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
}
