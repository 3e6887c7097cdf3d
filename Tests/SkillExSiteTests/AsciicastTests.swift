import Foundation
import SkillEx
import Testing

@testable import SkillExSite

@Suite("Asciicast writer")
struct AsciicastTests {
    let commands = [
        RecordedCommand(command: "skillex sync", output: "+ acme/pdf copied\n✗ acme/evil failed: <script>\"x\" & \u{1B}[31mred\u{1B}[0m"),
        RecordedCommand(command: "skillex validate skills/acme/pdf", output: ""),
    ]

    /// Each line parsed by Foundation's own JSON reader, independent of the writer.
    func lines(_ cast: Asciicast) -> [Any] {
        cast.encoded().split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8), options: [.fragmentsAllowed])
        }
    }

    @Test("header and every event are valid asciicast v2 JSON lines with increasing times")
    func validLines() throws {
        let cast = Asciicast.walkthrough(commands, title: "Getting \"started\"", timestamp: 1_759_492_800)
        let text = cast.encoded()
        #expect(text.hasSuffix("]\n"))
        let parsed = lines(cast)
        #expect(parsed.count == text.split(separator: "\n").count)
        let header = try #require(parsed.first as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 100 && header["height"] as? Int == 30)
        #expect(header["timestamp"] as? Int == 1_759_492_800)
        #expect(header["title"] as? String == "Getting \"started\"")
        var last = -1.0
        var played = ""
        for event in parsed.dropFirst() {
            let items = try #require(event as? [Any])
            #expect(items.count == 3)
            let time = try #require(items.first as? Double)
            #expect(time > last)
            last = time
            #expect(items[safe: 1] as? String == "o")
            played += try #require(items[safe: 2] as? String)
        }
        #expect(played.replacingOccurrences(of: "\r\n", with: "\n") == RecordedCommand.transcript(commands))
    }

    @Test("the same commands give the same bytes; timings come from the text, not the clock")
    func deterministic() {
        let first = Asciicast.walkthrough(commands, title: "t", timestamp: 7).encoded()
        let second = Asciicast.walkthrough(commands, title: "t", timestamp: 7).encoded()
        #expect(first == second)
        let longer = Asciicast.walkthrough(
            [RecordedCommand(command: "skillex sync", output: String(repeating: "x", count: 300))], title: "t", timestamp: 7)
        let shorter = Asciicast.walkthrough(
            [RecordedCommand(command: "skillex sync", output: "x")], title: "t", timestamp: 7)
        #expect(longer.duration > shorter.duration)
        #expect(Asciicast.seconds(1005) == "1.005" && Asciicast.seconds(42) == "0.042")
    }

    @Test("the text embeds in an HTML script block: no <, > or & survive, escapes decode back")
    func embeddable() throws {
        let text = Asciicast.walkthrough(commands, title: "</script><b>", timestamp: 0).encoded()
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        #expect(text.contains("\\u003cscript\\u003e") && text.contains("\\u001b[31m"))
        let figure = ScreencastFigure(
            cast: Asciicast.walkthrough(commands, title: "t", timestamp: 0), castFile: "a.cast", commands: commands)
        #expect(figure.cast == Asciicast.walkthrough(commands, title: "t", timestamp: 0).encoded())
        #expect(figure.summary.hasPrefix("2 commands, 0:"))
    }

    @Test("a front matter flag or a block's info string picks what is recorded")
    func pageFlag() {
        #expect(DocPage(fileName: "10-a.md", text: "---\ntitle: A\nscreencast: true\n---\n# A\n").screencast)
        #expect(!DocPage(fileName: "10-a.md", text: "---\ntitle: A\n---\n# A\n").screencast)
        let (lead, rest) = ScreencastFigure.splitAfterTitle("<h1 id=\"a\">A</h1>\n<p>x</p>")
        #expect(lead == "<h1 id=\"a\">A</h1>" && rest == "\n<p>x</p>")
    }
}

@Suite("Cookbook run blocks")
struct CommandBlockTests {
    @Test("a run block shown inside a longer fence is left as written, not run")
    func literalFence() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-blocks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let runner = CommandBlocks(executable: URL(fileURLWithPath: "/bin/false"), workspace: folder, environment: [:])
        let page = "# A\n\n````markdown\n```console skillex-run screencast\n$ skillex sync\n```\n````\n\n~~~\n```console skillex-run\n~~~\n"
        let (markdown, recorded) = try runner.expand(page, file: "a.md", recordAll: true)
        #expect(markdown == page)
        #expect(recorded.isEmpty)
        #expect(throws: SiteError.self) {
            _ = try runner.expand("```console skillex-run\n$ skillex sync\n```\n", file: "a.md")
        }
    }
}
