import SkillEx

/// Colours the fenced code blocks of HTML rendered by cmark-gfm
/// (`<pre><code class="language-py">…</code></pre>`): each block's escaped text is read back,
/// coloured by `Highlighter` (which escapes it again) and put back in place. Blocks of a language
/// without rules, and everything outside blocks, are left byte for byte as they were. Works on
/// the page's UTF-8 bytes: every page of a site goes through here.
enum FencedCode {
    private static let openBytes = Array("<pre><code class=\"language-".utf8)
    private static let closeBytes = Array("</code></pre>".utf8)

    static func highlight(_ html: String) -> String {
        var source = html
        let coloured = source.withUTF8 { bytes -> [UInt8]? in
            var found = find(openBytes, in: bytes, from: 0)
            guard found != nil else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 4)
            var rest = 0
            while let start = found {
                let languageStart = start + openBytes.count
                guard let quote = TextScan.firstOffset(of: UInt8(ascii: "\""), in: bytes, from: languageStart),
                    let tagEnd = TextScan.firstOffset(of: UInt8(ascii: ">"), in: bytes, from: quote),
                    let end = find(closeBytes, in: bytes, from: tagEnd)
                else { break }
                let bodyStart = tagEnd + 1
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest..<bodyStart]))
                let body = UnsafeBufferPointer(rebasing: bytes[bodyStart..<end])
                if let rules = SyntaxRules.named(String(decoding: bytes[languageStart..<quote], as: UTF8.self)) {
                    out.append(contentsOf: Highlighter.html(unescaped(body), rules: rules).utf8)
                } else {
                    out.append(contentsOf: body)
                }
                out.append(contentsOf: closeBytes)
                rest = end + closeBytes.count
                found = find(openBytes, in: bytes, from: rest)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest...]))
            return out
        }
        return coloured.map { String(decoding: $0, as: UTF8.self) } ?? html
    }

    /// Where `pattern` first starts in `bytes` at or after `from`.
    private static func find(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        pattern.withUnsafeBufferPointer { TextScan.firstOffset(of: $0, in: bytes, from: from) }
    }

    /// The text cmark escaped (it writes `&amp;`, `&lt;`, `&gt;` and `&quot;`, and passes other
    /// entities of the source as `&amp;…`); any other `&` is kept as it is.
    static func unescaped(_ text: Substring) -> String {
        var copy = String(text)
        return copy.withUTF8 { unescaped($0) }
    }

    /// `unescaped` over UTF-8 bytes.
    static func unescaped(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard var amp = TextScan.firstOffset(of: UInt8(ascii: "&"), in: bytes, from: 0) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var rest = 0
        while true {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest..<amp]))
            rest = amp + 1
            out.append(UInt8(ascii: "&"))
            for (entity, byte) in entities where TextScan.matches(entity, in: bytes, at: amp) {
                out[out.count - 1] = byte
                rest = amp + entity.count
                break
            }
            guard let next = TextScan.firstOffset(of: UInt8(ascii: "&"), in: bytes, from: rest) else { break }
            amp = next
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest...]))
        return String(decoding: out, as: UTF8.self)
    }

    private static let entities: [([UInt8], UInt8)] = [
        (Array("&amp;".utf8), UInt8(ascii: "&")), (Array("&lt;".utf8), UInt8(ascii: "<")),
        (Array("&gt;".utf8), UInt8(ascii: ">")), (Array("&quot;".utf8), UInt8(ascii: "\"")),
        (Array("&#39;".utf8), UInt8(ascii: "'")),
    ]
}
