import Foundation
import SkillExMarkdown
import Testing

@Suite("Markdown renderer")
struct RendererTests {
    @Test("renders GFM tables, task lists, strikethrough and autolinks")
    func gfm() {
        let html = MarkdownRenderer.render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n~~old~~ https://example.com\n"
        ).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<td>1</td>"))
        #expect(html.contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"https://example.com\">https://example.com</a>"))
    }

    @Test("collects headings with unique anchors and the title")
    func headings() {
        let rendered = MarkdownRenderer.render("# Guide *one*\n\n## Steps\n\n## Steps\n\n### `code` here\n")
        #expect(rendered.title == "Guide one")
        #expect(rendered.headings.map(\.anchor) == ["guide-one", "steps", "steps-1", "code-here"])
        #expect(rendered.headings.map(\.level) == [1, 2, 2, 3])
        #expect(rendered.html.contains("<h2><a class=\"anchor\" id=\"steps-1\" href=\"#steps-1\""))
    }

    @Test("renders the Everything fixture to its golden HTML")
    func everything() throws {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let source = try String(contentsOf: fixtures.appendingPathComponent("Everything.md"), encoding: .utf8)
        let golden = fixtures.appendingPathComponent("Everything.html")
        let html = MarkdownRenderer.render(source).html
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try Data(html.utf8).write(to: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/Everything.html"))
            Issue.record("recorded Everything.html; run again without RECORD_SNAPSHOTS")
            return
        }
        #expect(html == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test("renders a thousand documents concurrently without racing on extension registration")
    func concurrent() async {
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<1000 {
                group.addTask {
                    let html = MarkdownRenderer.render(
                        "# Doc \(index)\n\n| x |\n|---|\n| ~~\(index)~~ |\n\n~~old \(index)~~ text\n").html
                    // ~ and | live in cmark-gfm's global special-character table (see CmarkDocument).
                    return html.contains("<td><del>\(index)</del></td>") && html.contains("<del>old \(index)</del>")
                }
            }
            var all: [Bool] = []
            for await ok in group { all.append(ok) }
            return all
        }
        #expect(results.count == 1000)
        #expect(results.allSatisfy { $0 })
    }
}
