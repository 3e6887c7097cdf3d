import Foundation
import SkillExMarkdown
import Testing

@Suite("GFM alerts")
struct AlertTests {
    @Test("each of the five markers becomes a titled callout", arguments: [
        ("NOTE", "Note"), ("TIP", "Tip"), ("IMPORTANT", "Important"), ("WARNING", "Warning"), ("CAUTION", "Caution"),
    ])
    func kinds(marker: String, title: String) {
        let html = MarkdownRenderer.render("> [!\(marker)]\n> Read *this* first.\n").html
        #expect(html == """
            <blockquote class="alert alert-\(marker.lowercased())">
            <p class="alert-title">\(title)</p>
            <p>Read <em>this</em> first.</p>
            </blockquote>

            """)
    }

    @Test("a marker alone in its paragraph, a lower-case marker and a hard break all work")
    func shapes() {
        let alone = MarkdownRenderer.render("> [!TIP]\n>\n> First.\n>\n> Second.\n").html
        #expect(alone.hasPrefix("<blockquote class=\"alert alert-tip\">\n<p class=\"alert-title\">Tip</p>\n<p>First.</p>"))
        #expect(!alone.contains("[!TIP]"))
        #expect(MarkdownRenderer.render("> [!warning]\n> Careful.\n").html.contains("alert-warning"))
        #expect(MarkdownRenderer.render("> [!NOTE]  \n> Hard break.\n").html.contains("<p>Hard break.</p>"))
    }

    @Test("anything else stays a plain quote or text")
    func notAlerts() {
        for source in [
            "> [!DANGER]\n> Unknown kind.\n", "> Text [!NOTE]\n", "> [!NOTE] on the same line\n",
            "[!NOTE]\ntext\n", "```\n> [!NOTE]\n```\n", "> `[!NOTE]`\n",
        ] {
            let html = MarkdownRenderer.render(source).html
            #expect(!html.contains("alert"), "\(source)")
        }
        #expect(!MarkdownRenderer.render("> [!NOTE]\n> x\n", options: .init(alerts: false)).html.contains("alert"))
    }

    @Test("an alert's content is escaped as any quote's, and nested quotes keep their own markers")
    func safety() {
        let html = MarkdownRenderer.render("> [!CAUTION]\n> <script>alert(1)</script> [x](javascript:alert(1))\n>\n> > [!NOTE]\n> > inner\n").html
        #expect(!html.contains("<script>"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("alert-caution"))
        #expect(html.contains("<blockquote class=\"alert alert-note\">\n<p class=\"alert-title\">Note</p>\n<p>inner</p>"))
        #expect(html.components(separatedBy: "</blockquote>").count == 3)
    }
}
