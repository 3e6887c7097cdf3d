/// Colours the fenced code blocks of HTML rendered by cmark-gfm
/// (`<pre><code class="language-py">…</code></pre>`): each block's escaped text is read back,
/// coloured by `Highlighter` (which escapes it again) and put back in place. Blocks of a language
/// without rules, and everything outside blocks, are left byte for byte as they were.
enum FencedCode {
    private static let open = "<pre><code class=\"language-"
    private static let close = "</code></pre>"

    static func highlight(_ html: String) -> String {
        guard find(openBytes, in: html[...]) != nil else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + html.utf8.count / 4)
        var rest = html[...]
        while let start = find(openBytes, in: rest) {
            guard let quote = rest[start.upperBound...].firstIndex(of: "\""),
                  let tagEnd = rest[quote...].firstIndex(of: ">"),
                  let end = find(closeBytes, in: rest[tagEnd...])
            else { break }
            let language = String(rest[start.upperBound..<quote])
            let bodyStart = rest.index(after: tagEnd)
            out += rest[..<bodyStart]
            let body = rest[bodyStart..<end.lowerBound]
            if let rules = SyntaxRules.named(language) {
                out += Highlighter.html(unescaped(body), rules: rules)
            } else {
                out += body
            }
            out += close
            rest = rest[end.upperBound...]
        }
        out += rest
        return out
    }

    private static let openBytes = Array(open.utf8)
    private static let closeBytes = Array(close.utf8)

    /// The first occurrence of `pattern` in `text`: a forward scan over the bytes for its first
    /// byte (Foundation's `range(of:)` costs far more on long pages).
    static func find(_ pattern: [UInt8], in text: Substring) -> Range<Substring.Index>? {
        let bytes = text.utf8
        var index = bytes.startIndex
        while let hit = bytes[index...].firstIndex(of: pattern[0]) {
            if bytes[hit...].starts(with: pattern) {
                return hit..<bytes.index(hit, offsetBy: pattern.count)
            }
            index = bytes.index(after: hit)
        }
        return nil
    }

    /// The text cmark escaped (it writes `&amp;`, `&lt;`, `&gt;` and `&quot;`, and passes other
    /// entities of the source as `&amp;…`); any other `&` is kept as it is.
    static func unescaped(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            var matched = false
            for (entity, character) in entities where rest.hasPrefix(entity) {
                out += character
                rest = rest.dropFirst(entity.count)
                matched = true
                break
            }
            if !matched {
                out += "&"
                rest = rest.dropFirst()
            }
        }
        out += rest
        return out
    }

    private static let entities = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")]
}
