/// Splits a Markdown file's leading `---` YAML block from its body; YAML is parsed elsewhere.
public enum FrontMatter {
    /// Returns the YAML text between the opening and closing `---` lines, and the body after.
    ///
    /// The opening fence must be the first line (a UTF-8 BOM before it is tolerated); the closing
    /// fence is the next line that is exactly `---` (or `...`), trailing spaces allowed. Without a
    /// closing fence there is no front matter and the whole text is the body.
    public static func split(_ text: String) -> (yaml: Substring?, body: Substring) {
        var rest = text[...]
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        guard let firstLineEnd = lineEnd(in: rest, from: rest.startIndex) ?? (rest.isEmpty ? nil : rest.endIndex)
        else { return (nil, text[...]) }
        guard isFence(rest[rest.startIndex..<firstLineEnd], allowDots: false) else {
            return (nil, text[...])
        }
        guard firstLineEnd < rest.endIndex else { return (nil, text[...]) }
        let yamlStart = rest.index(after: firstLineEnd)
        var lineStart = yamlStart
        while lineStart < rest.endIndex {
            let lineEnd = lineEnd(in: rest, from: lineStart) ?? rest.endIndex
            if isFence(rest[lineStart..<lineEnd], allowDots: true) {
                let bodyStart = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : lineEnd
                return (rest[yamlStart..<lineStart], rest[bodyStart...])
            }
            guard lineEnd < rest.endIndex else { break }
            lineStart = rest.index(after: lineEnd)
        }
        return (nil, text[...])
    }

    /// Where the first line break (`\n`, or `\r\n`, one character) at or after `from` starts;
    /// nil without one. Found by bytes: a line feed always starts a character of its own, and a
    /// carriage return just before it belongs to it.
    private static func lineEnd(in text: Substring, from: String.Index) -> String.Index? {
        let utf8 = text.utf8
        guard let feed = utf8[from...].firstIndex(of: 0x0A) else { return nil }
        if feed > from {
            let before = utf8.index(before: feed)
            if utf8[before] == 0x0D { return before }
        }
        return feed
    }

    private static func isFence(_ line: Substring, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" || last == "\r" {
            trimmed = trimmed.dropLast()
        }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}
