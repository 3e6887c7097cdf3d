import SkillExMarkdown
import Testing

@Suite("Markdown safety")
struct SafetyTests {
    @Test(
        "never passes raw HTML or script-capable URLs through",
        arguments: [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[x](javascript:alert(1))",
            "[x](JAVASCRIPT:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "![x](javascript:alert(1))",
            "| a |\n|---|\n| <iframe src=x></iframe> |",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<style>body{display:none}</style>",
            "[x]( javascript:alert(1) )",
            "![x](data:image/png;base64,AAAA)",
            "[x](vbscript:msgbox(1))",
            "<https://example.com/\" onmouseover=\"alert(1)>",
        ])
    func neutralised(_ source: String) {
        let html = MarkdownRenderer.render(source).html.lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("onerror="))
        #expect(!html.contains("href=\"javascript:"))
        #expect(!html.contains("src=\"javascript:"))
        #expect(!html.contains("href=\"data:"))
        #expect(!html.contains("src=\"data:"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("<style"))
        #expect(!html.contains("\" onmouseover=\""))
    }

    @Test("a heading cannot inject markup through its anchor")
    func headingAnchor() {
        let html = MarkdownRenderer.render("# \"><script>x</script>\n").html
        #expect(!html.contains("<script"))
        #expect(html.contains("id=\"x\""))
    }

    @Test("accepts arbitrary bytes-as-text without trapping, and keeps its text")
    func anyInput() {
        #expect(MarkdownRenderer.render("").html.isEmpty)
        #expect(MarkdownRenderer.render("\u{0}").html.contains("\u{FFFD}"))  // NUL is replaced, as CommonMark says
        let brackets = MarkdownRenderer.render(String(repeating: "[", count: 10_000)).html
        #expect(brackets.filter { $0 == "[" }.count == 10_000)
        #expect(MarkdownRenderer.render(String(repeating: "> ", count: 5_000)).html.contains("<blockquote>"))
        #expect(MarkdownRenderer.render("\u{FFFD}\u{202E}abc").html.contains("abc"))
        let cells = MarkdownRenderer.render("|\n|-|\n" + String(repeating: "|x", count: 2_000)).html
        #expect(cells.contains("x"))
    }
}

@Suite("Markdown size bound")
struct MarkdownSizeBoundTests {
    @Test("a source over the bound is shown as escaped plain text, not parsed")
    func overSize() {
        let line = "Some **bold** <script>alert(1)</script> [link](x.md)\n"
        let source = String(repeating: line, count: MarkdownRenderer.maxSourceBytes / line.utf8.count + 1)
        let rendered = MarkdownRenderer.render(source)
        #expect(rendered.html.hasPrefix("<p class=\"too-large\">"))
        #expect(rendered.html.contains("Some **bold** &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!rendered.html.contains("<script") && rendered.headings.isEmpty)
    }

    @Test("a source at the bound is still rendered as Markdown")
    func atBound() {
        let source = "# Title\n\n" + String(repeating: "a", count: MarkdownRenderer.maxSourceBytes - 9)
        #expect(MarkdownRenderer.render(source).title == "Title")
    }
}
