/// Colours a terminal session (```` ```console ````): a line starting with a `$ ` prompt has its
/// command coloured as shell; every other line is output, escaped and left as it is.
enum ConsoleColours {
    static func html(_ text: String) -> String {
        let shell = SyntaxRules.named("sh")
        var out = ""
        out.reserveCapacity(text.utf8.count + text.utf8.count / 4)
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if number > 0 { out += "\n" }
            if line.hasPrefix("$ ") {
                out += "$ " + Highlighter.html(String(line.dropFirst(2)), rules: shell)
            } else {
                out += HTMLBytes.escaped(String(line))
            }
        }
        return out
    }
}
