/// A file's text as numbered, coloured lines for its view: each line starts with a link to
/// itself (`<a class="ln" id="L12" href="#L12">12</a>`) that findings and readers link to.
enum FileLines {
    static func html(_ text: String, rules: SyntaxRules?) -> (html: String, count: Int) {
        let lines = Highlighter.lines(text, rules: rules)
        var out = ""
        out.reserveCapacity(text.utf8.count * 2 + lines.count * 40)
        for (offset, line) in lines.enumerated() {
            let number = String(offset + 1)
            out += "<a class=\"ln\" id=\"L"
            out += number
            out += "\" href=\"#L"
            out += number
            out += "\">"
            out += number
            out += "</a>"
            out += line
            out += "\n"
        }
        return (out, lines.count)
    }
}
