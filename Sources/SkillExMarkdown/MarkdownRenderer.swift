/// Markdown → safe HTML with cmark-gfm; the entry point of this module.
public enum MarkdownRenderer {
    /// Largest source rendered as Markdown, in UTF-8 bytes. cmark-gfm 0.29 takes time quadratic
    /// in the length of some paragraphs (1 MiB of links and emphasis: seconds), and parses one
    /// document at a time, so a longer source is shown as escaped plain text instead.
    public static let maxSourceBytes = 256 * 1024

    /// Every `style` attribute value rendered HTML can hold: the alignment of a GFM table's
    /// `th`/`td` cells (`| :-: |`). Nothing else carries a `style` attribute, since raw HTML is
    /// never passed; a Content-Security-Policy that allows inline style attributes only by hash
    /// (`style-src-attr 'unsafe-hashes' 'sha256-…'`) needs the hashes of exactly these texts.
    public static let inlineStyles = ["text-align: left", "text-align: center", "text-align: right"]

    /// Renders `source`; total: any input gives HTML, never an error or a trap. A source over
    /// `maxSourceBytes` becomes a note and a `<pre>` of its escaped text (linear time).
    public static func render(_ source: String, options: MarkdownOptions = .init())
        -> RenderedMarkdown
    {
        let size = source.utf8.count
        guard size <= maxSourceBytes else {
            let note = "<p class=\"too-large\">This document is \(size) bytes, over the \(maxSourceBytes / 1024) KiB "
                + "rendered as Markdown; it is shown as plain text.</p>\n"
            return RenderedMarkdown(html: note + "<pre>" + escaped(source) + "</pre>\n", headings: [], title: nil)
        }
        return CmarkDocument.render(source, options: options)
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` escaped for HTML text and attribute values.
    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
