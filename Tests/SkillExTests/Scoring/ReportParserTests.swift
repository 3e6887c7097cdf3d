import Foundation
import Testing
@testable import SkillEx

@Suite("Report parsers")
struct ReportParserTests {
    private func data(_ text: String) -> Data { Data(text.utf8) }

    @Test("SARIF: levels, default level from the rule, uriBaseId")
    func sarif() throws {
        let log = """
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"ShellCheck","rules":[{"id":"SC2115","defaultConfiguration":{"level":"error"},"help":{"text":"Use ${var:?}"}}]}},
             "originalUriBaseIds":{"SRC":{"uri":"file:///repo/"}},
             "results":[
              {"ruleId":"SC2115","message":{"text":"rm of var"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a/b.sh","uriBaseId":"SRC"},"region":{"startLine":3}}}]},
              {"ruleId":"SC2086","level":"note","message":{"text":"quote"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"c.sh"}}}]},
              {"ruleId":"SC1","message":{"text":"no location"}}]}]}
            """
        let findings = try SarifReader.read(data(log), file: "r.sarif")
        #expect(findings.count == 2)
        #expect(findings[0].severity == .error && findings[0].path == "file:///repo/a/b.sh" && findings[0].line == 3)
        #expect(findings[0].help == "Use ${var:?}")
        #expect(findings[1].severity == .note && findings[1].line == nil)
    }

    @Test("SARIF: malformed input names file and position")
    func sarifMalformed() {
        let syntax = #expect(throws: IngestError.self) { try SarifReader.read(data("{\"version\": \"2.1.0\",\n \"runs\": [tru"), file: "bad.sarif") }
        #expect(syntax?.file == "bad.sarif")
        #expect(syntax?.position.contains("line") == true || syntax?.position.contains("offset") == true)
        let shape = #expect(throws: IngestError.self) { try SarifReader.read(data(#"{"version":"2.1.0","runs":[{"tool":{}}]}"#), file: "s.sarif") }
        #expect(shape?.position.contains("runs[0]") == true)
        let version = #expect(throws: IngestError.self) { try SarifReader.read(data(#"{"version":"1.0","runs":[]}"#), file: "v.sarif") }
        #expect(version?.description.contains("not 2.1.0") == true)
        let level = #expect(throws: IngestError.self) {
            try SarifReader.read(data(#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"level":"fatal","message":{"text":"m"}}]}]}"#), file: "l.sarif")
        }
        #expect(level?.position == "runs[0].results[0].level")
    }

    @Test("Credo JSON: category and priority map to severity; bad shape is an error")
    func credo() throws {
        let json = #"{"issues":[{"category":"warning","check":"Credo.Check.Warning.IoInspect","filename":"lib/a.ex","line_no":4,"message":"IO.inspect","priority":12},"#
            + #"{"category":"readability","check":"Credo.Check.Readability.ModuleDoc","filename":"lib/b.ex","line_no":1,"message":"doc","priority":25}]}"#
        let findings = try CredoReader.read(data(json), file: "credo.json")
        #expect(findings.map(\.severity) == [.warning, .warning])
        #expect(findings[0].line == 4 && findings[0].rule == "Credo.Check.Warning.IoInspect")
        let error = #expect(throws: IngestError.self) { try CredoReader.read(data(#"{"issues":[{"category":"x"}]}"#), file: "c.json") }
        #expect(error?.description.hasPrefix("c.json: issues[0]") == true)
    }

    @Test("Dialyzer short format, with and without columns; garbage names the line")
    func dialyzer() throws {
        let text = "lib/a.ex:12:no_return Function run/0 has no local return.\nlib/b.ex:3:7:call The call will fail.\n\nTotal errors: 2, Skipped: 0\ndone (warnings were emitted)\n"
        let findings = try DialyzerReader.read(data(text), file: "d.txt")
        #expect(findings.map(\.path) == ["lib/a.ex", "lib/b.ex"])
        #expect(findings.map(\.line) == [12, 3])
        #expect(findings.map(\.rule) == ["no_return", "call"])
        let error = #expect(throws: IngestError.self) { try DialyzerReader.read(data("lib/a.ex:1:ok x\nthis is not dialyzer\n"), file: "d.txt") }
        #expect(error?.position == "line 2")
    }

    @Test("lcov: DA lines per file; DA before SF and bad numbers name the line")
    func lcov() throws {
        let text = "TN:\nSF:/repo/s/run.sh\nDA:1,1\nDA:2,0\nDA:3,5\nLF:3\nLH:2\nend_of_record\nSF:other.py\nDA:1,0\nend_of_record\n"
        let coverage = try LcovReader.read(data(text), file: "lcov.info")
        #expect(coverage["/repo/s/run.sh"] == [1: true, 2: false, 3: true])
        #expect(coverage["other.py"] == [1: false])
        #expect((#expect(throws: IngestError.self) { try LcovReader.read(data("DA:1,1\n"), file: "l") })?.position == "line 1")
        #expect((#expect(throws: IngestError.self) { try LcovReader.read(data("SF:a\nDA:x,1\n"), file: "l") })?.position == "line 2")
        #expect((#expect(throws: IngestError.self) { try LcovReader.read(data("SF:a\n<html>\n"), file: "l") })?.position == "line 2")
    }

    @Test("Cobertura: sources prefix, merged classes; broken XML names line and column")
    func cobertura() throws {
        let xml = """
            <?xml version="1.0"?>
            <coverage line-rate="0.5"><sources><source>/repo</source></sources>
            <packages><package name="p"><classes>
            <class name="a" filename="s/run.py"><lines><line number="1" hits="1"/><line number="2" hits="0"/></lines></class>
            <class name="b" filename="s/run.py"><lines><line number="2" hits="3"/><line number="3" hits="0"/></lines></class>
            </classes></package></packages></coverage>
            """
        let coverage = try CoberturaReader.read(data(xml), file: "cov.xml")
        #expect(coverage["/repo/s/run.py"] == [1: true, 2: true, 3: false])
        let broken = #expect(throws: IngestError.self) { try CoberturaReader.read(data("<coverage>\n<class filename=\"x\">\n</coverage>"), file: "b.xml") }
        #expect(broken?.position.hasPrefix("line ") == true)
        #expect(broken?.file == "b.xml")
        let attr = #expect(throws: IngestError.self) {
            try CoberturaReader.read(data("<coverage><class filename=\"x\"><lines>\n<line number=\"a\" hits=\"1\"/></lines></class></coverage>"), file: "a.xml")
        }
        #expect(attr?.reason.contains("number") == true)
        #expect((#expect(throws: IngestError.self) { try CoberturaReader.read(data("<report/>"), file: "r.xml") })?.reason.contains("coverage") == true)
    }

    @Test("ExCoveralls JSON: null is not code, 0 missed, >0 covered")
    func excoveralls() throws {
        let json = #"{"source_files":[{"name":"lib/a.ex","source":"x","coverage":[null,1,0,null,2]}]}"#
        #expect(try ExCoverallsReader.read(data(json), file: "e.json")["lib/a.ex"] == [2: true, 3: false, 5: true])
        let error = #expect(throws: IngestError.self) { try ExCoverallsReader.read(data(#"{"source_files":[{"name":"a","coverage":["x"]}]}"#), file: "e.json") }
        #expect(error?.position.contains("source_files[0].coverage") == true)
    }

    @Test("report paths map into a skill by prefix, absolute or relative")
    func attribution() {
        let matcher = SkillPathMatcher(
            repoRoot: "/hub/repos/tools", hubRoot: "/hub",
            prefixes: [".claude/skills/deploy/", "skills/tools/deploy/"])
        #expect(matcher.relative(".claude/skills/deploy/scripts/a.sh") == "scripts/a.sh")
        #expect(matcher.relative("./.claude/skills/deploy/SKILL.md") == "SKILL.md")
        #expect(matcher.relative("file:///hub/repos/tools/.claude/skills/deploy/scripts/a%20b.sh") == "scripts/a b.sh")
        #expect(matcher.relative("/hub/skills/tools/deploy/scripts/x.py") == "scripts/x.py")
        #expect(matcher.relative(".claude/skills/deployer/scripts/a.sh") == nil)
        #expect(matcher.relative("/elsewhere/.claude/skills/deploy/a.sh") == nil)
    }
}
