import Foundation
import SkillExMarkdown
import Testing

@Suite("Table alignment")
struct TableAlignmentTests {
    /// Every `style="…"` attribute in `html`, with the element it sits on.
    static func styleAttributes(_ html: String) -> [(element: String, value: String)] {
        var found: [(String, String)] = []
        var rest = Substring(html)
        while let range = rest.range(of: " style=\"") {
            let element = rest[..<range.lowerBound].split(separator: "<").last.map { String($0.prefix { $0 != " " }) } ?? ""
            let after = rest[range.upperBound...]
            let value = after.prefix { $0 != "\"" }
            found.append((element, String(value)))
            rest = after.dropFirst(value.count)
        }
        return found
    }

    @Test("aligned cells carry CSS text-align, never the obsolete align attribute")
    func aligned() {
        let html = MarkdownRenderer.render("| L | C | R | N |\n|:--|:-:|--:|---|\n| a | b | c | d |\n").html
        #expect(!html.contains("align=\""))
        #expect(html.contains("<th style=\"text-align: left\">L</th>"))
        #expect(html.contains("<th style=\"text-align: center\">C</th>"))
        #expect(html.contains("<td style=\"text-align: right\">c</td>"))
        #expect(html.contains("<td>d</td>"))
        #expect(Self.styleAttributes(html).count == 6)
    }

    @Test(
        "the only style attributes are text-align on th/td, whatever the source tries",
        arguments: [
            "<p style=\"color:red\">x</p>",
            "| a |\n|:-:|\n| <td style=\"background:url(x)\"> |",
            "| a \" style=\"x |\n|--:|\n| b |",
            "<div style=\"position:fixed\">x</div>\n\n| x |\n|:--|\n| y |",
            "[x](https://e.x \"title\\\" style=\\\"x\")",
            "`<td style=\"x\">`",
            "```\n<th style=\"text-align: left\">\n```",
        ])
    func onlyAlignment(_ source: String) {
        let html = MarkdownRenderer.render(source).html
        for (element, value) in Self.styleAttributes(html) {
            #expect(["th", "td"].contains(element), "\(element) in \(html)")
            #expect(MarkdownRenderer.inlineStyles.contains(value), "\(value) in \(html)")
        }
    }

    @Test("without the tables extension no cell and no style attribute appears")
    func tablesOff() {
        let html = MarkdownRenderer.render("| a |\n|:-:|\n| b |\n", options: MarkdownOptions(tables: false)).html
        #expect(!html.contains("<td") && !html.contains("style="))
    }
}
