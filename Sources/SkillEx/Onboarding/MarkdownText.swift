/// Escaping for text placed into Markdown that `skillex init` writes.
enum MarkdownText {
    /// `text` on one line with HTML and table syntax escaped, so it renders as the same text.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "|", "`", "[", "]", "*", "_", "\\": out += "\\" + String(character)
            case "\n", "\r", "\t": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
