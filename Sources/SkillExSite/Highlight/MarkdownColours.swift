/// Colours Markdown source line by line: headings (`hl-k`), fence lines and inline code
/// (`hl-s`), front-matter marks and HTML comments (`hl-c`), list and quote markers (`hl-t`).
/// The lines inside a fenced block are coloured by the fence's language.
enum MarkdownColours {
    static func html(_ text: String) -> String {
        var out = HTMLBytes()
        out.reserve(text.utf8.count + text.utf8.count / 4)
        var fence: (mark: Substring, lines: [Substring], rules: SyntaxRules?)?
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            if var open = fence {
                if trimmed.hasPrefix(open.mark), trimmed.drop(while: { $0 == open.mark.first }).allSatisfy(\.isWhitespace) {
                    flush(open.lines, rules: open.rules, into: &out)
                    out.append(0x0A)
                    out.span("s", line.utf8)
                    fence = nil
                } else {
                    open.lines.append(line)
                    fence = open
                }
                continue
            }
            if number > 0 { out.append(0x0A) }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let mark = trimmed.prefix { $0 == trimmed.first }
                let info = trimmed.dropFirst(mark.count).split(separator: " ").first.map(String.init) ?? ""
                fence = (mark, [], SyntaxRules.named(info))
                out.span("s", line.utf8)
            } else if trimmed.hasPrefix("#") {
                out.span("k", line.utf8)
            } else if line == "---" || line == "..." || trimmed.hasPrefix("<!--") {
                out.span("c", line.utf8)
            } else {
                inline(line, into: &out)
            }
        }
        if let open = fence { flush(open.lines, rules: open.rules, into: &out) }
        return out.string
    }

    /// The lines of a fenced block, coloured by its language, after a line break.
    private static func flush(_ lines: [Substring], rules: SyntaxRules?, into out: inout HTMLBytes) {
        guard !lines.isEmpty else { return }
        let body = lines.joined(separator: "\n")
        let html = rules?.name == "markdown" ? HTMLBytes.escaped(body) : Highlighter.html(body, rules: rules)
        out.append(0x0A)
        out.appendMarkup(html)
    }

    /// A line of prose: a leading list or quote marker, and `inline code` spans.
    private static func inline(_ line: Substring, into out: inout HTMLBytes) {
        var rest = line
        let indent = rest.prefix { $0 == " " }
        out.span(nil, indent.utf8)
        rest = rest.dropFirst(indent.count)
        for marker in ["- ", "* ", "+ ", "> "] where rest.hasPrefix(marker) {
            out.span("t", rest.prefix(1).utf8)
            rest = rest.dropFirst(1)
            break
        }
        while let tick = rest.firstIndex(of: "`") {
            out.span(nil, rest[..<tick].utf8)
            let after = rest.index(after: tick)
            guard let close = rest[after...].firstIndex(of: "`") else {
                rest = rest[tick...]
                break
            }
            out.span("s", rest[tick...close].utf8)
            rest = rest[rest.index(after: close)...]
        }
        out.span(nil, rest.utf8)
    }
}
