import Foundation
import Testing
@testable import SkillEx

/// Named cases for what fuzzing found; the raw inputs also sit in `Fuzz/corpus/<harness>/regress-*`.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    private func data(_ text: String) -> Data { Data(text.utf8) }

    @Test("lcov: a hit count beyond Int is an error naming the line, not a trap")
    func lcovHugeHits() throws {
        let error = #expect(throws: IngestError.self) {
            try LcovReader.read(data("SF:a.sh\nDA:1,1\nDA:2,1e300\n"), file: "lcov.info")
        }
        #expect(error?.position == "line 3")
        #expect((#expect(throws: IngestError.self) { try LcovReader.read(data("SF:a\nDA:1,nan\n"), file: "l") }) != nil)
        #expect((#expect(throws: IngestError.self) { try LcovReader.read(data("SF:a\nDA:1,-inf\n"), file: "l") }) != nil)
        // Decimal counts (some converters write them) still read.
        #expect(try LcovReader.read(data("SF:a\nDA:1,2.0\nDA:2,0.0\n"), file: "l")["a"] == [1: true, 2: false])
    }

    @Test("Cobertura: a huge hits attribute is an error; a tag name that is not UTF-8 is refused with its line")
    func coberturaHostile() throws {
        let huge = #expect(throws: IngestError.self) {
            try CoberturaReader.read(
                data(#"<coverage><class filename="a"><lines><line number="1" hits="9e99"/></lines></class></coverage>"#),
                file: "c.xml")
        }
        #expect(huge?.reason.contains("hits") == true)
        var bytes = Data("<coverage>\n<clas".utf8)
        bytes.append(contentsOf: [0x89, 0x89])
        bytes.append(Data(#"s filename="a"/></coverage>"#.utf8))
        let binary = #expect(throws: IngestError.self) { try CoberturaReader.read(bytes, file: "c.xml") }
        #expect(binary?.reason.contains("UTF-8") == true)
        #expect(binary?.position == "line 2, column 6")
        #expect(binary?.file == "c.xml")
    }

    @Test("Cobertura: processing instructions are skipped; entity references are refused with their line")
    func coberturaMarkup() throws {
        // `<?target?>` crashed FoundationXML; XMLReader skips it like any other instruction.
        #expect(try CoberturaReader.read(data("<?xml version=\"1.0\"?>\n<coverage>\n<?target?></coverage>"), file: "c.xml").isEmpty)
        let entities = #expect(throws: IngestError.self) {
            try CoberturaReader.read(
                data("<!DOCTYPE coverage [\n<!ENTITY a \"&#60;?x?>\">]><coverage>&a;</coverage>"), file: "c.xml")
        }
        #expect(entities?.position.hasPrefix("line 2,") == true)
        #expect(entities?.reason.contains("undeclared entity &a;") == true)
        // The declaration (also after a byte-order mark) and comments still read.
        let plain = "<coverage><!-- coverage.py --><class filename=\"a\"><lines><line number=\"1\" hits=\"1\"/></lines></class></coverage>"
        #expect(try CoberturaReader.read(data("\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + plain), file: "c.xml")["a"] == [1: true])
    }

    @Test("event lines: a number longer than 15 digits reads as a Double, not an overflow trap")
    func eventLongNumber() throws {
        let line = #"{"schema_version":1,"type":"started","time":"t","id":"x","measurements":{"n":12345678901234567890123,"m":-99999999999999999999}}"#
        let event = try #require(EventLineParser.parse(line))
        #expect(event.measurements["n"] == 12345678901234567890123.0)
        #expect(event.measurements["m"] == -99999999999999999999.0)
    }

    @Test("manifest: a kept field with a number beyond Double is refused, not saved back as null")
    func manifestNumberOutOfRange() throws {
        #expect(throws: (any Error).self) { try JSONValueParser.parse(Data(#"{"a":2e777}"#.utf8)) }
        let error = #expect(throws: ManifestError.self) {
            try ManifestStore.decode(Data(#"{"version":1,"repositories":[],"skills":[],"team_score":2e777}"#.utf8), path: "m.json")
        }
        #expect(error?.description.contains("m.json") == true)
        // Large but finite numbers survive a save and a re-read.
        let manifest = try ManifestStore.decode(Data(#"{"version":1,"repositories":[],"skills":[],"team_score":1e300}"#.utf8), path: "m.json")
        #expect(try ManifestStore.decode(ManifestStore.encode(manifest), path: "m.json") == manifest)
    }

    @Test("HitCount takes whole and decimal counts, refuses negative, non-finite and oversized ones")
    func hitCount() {
        #expect(HitCount.parse("7") == 7)
        #expect(HitCount.parse("3.9") == 3)
        #expect(HitCount.parse("-1") == nil)
        #expect(HitCount.parse("inf") == nil)
        #expect(HitCount.parse("1e19") == nil)
        #expect(HitCount.parse("x") == nil)
    }

    /// Ten anchors, each a list of nine aliases of the one before: 9^10 values when expanded.
    private func aliasBomb(_ tail: String) -> String {
        var text = "---\nname: pdf\ndescription: Fills forms. Use when asked.\na0: &a0 [l, l, l, l, l, l, l, l, l]\n"
        for level in 1..<10 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        return text + tail + "---\nBody\n"
    }

    @Test("SKILL.md: an alias bomb in a value is a YAML finding, not an out-of-memory")
    func aliasBombValue() {
        let outcome = SkillDocumentParser.parse(aliasBomb(""), file: "SKILL.md", mode: .standard)
        #expect(outcome.document == nil)
        #expect(outcome.findings.contains { $0.rule == "frontmatter.too-complex" && $0.message.contains("expands to more than") })
    }

    @Test("SKILL.md: aliases inside mapping keys are refused before Yams hashes them", arguments: [
        "*a9 : x\n", "[*a9, x]: y\n", "? *a9\n: y\n", "metadata:\n  inner: {*a9 : x}\n",
    ])
    func aliasBombKey(tail: String) {
        let outcome = SkillDocumentParser.parse(aliasBomb(tail), file: "SKILL.md", mode: .standard)
        #expect(outcome.document == nil)
        #expect(outcome.findings.contains { $0.rule == "frontmatter.yaml" && $0.message.contains("inside a mapping key") })
    }

    @Test("SKILL.md: when the screened copy does not compose (a duplicate key), the real text is not composed either")
    func aliasKeyWithDuplicate() {
        let outcome = SkillDocumentParser.parse(aliasBomb("name: again\n[*a9, x]: y\n"), file: "SKILL.md", mode: .standard)
        #expect(outcome.document == nil)
        #expect(outcome.findings.contains { $0.rule == "frontmatter.yaml" })
    }

    @Test("SKILL.md: ordinary anchors, aliases and stars still read")
    func ordinaryAliases() throws {
        let text = "---\nname: pdf\ndescription: &d Fills *forms*. Use when asked.\nmetadata:\n  summary: *d\n  glob: \"*.pdf\"\n---\nBody\n"
        let document = try #require(SkillDocumentParser.parse(text, file: "SKILL.md", mode: .standard).document)
        #expect(document["description"]?.text == "Fills *forms*. Use when asked.")
        #expect(document.fields.count == 3)
    }
}
