import Foundation

/// GitHub's alert blockquotes (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`)
/// turned into styled callouts, by rewriting cmark-gfm's HTML after it is rendered.
///
/// The rewrite is safe on that HTML: cmark escapes every `<` of text, code and attribute values
/// and never passes raw HTML, so the literal `<blockquote>\n<p>[!` can only be the start of a
/// real block quote whose first paragraph starts with the marker. Only that marker is replaced,
/// by fixed markup; the quote's own content and closing tag stay as cmark wrote them.
enum GFMAlerts {
    /// The marker's keyword (upper case), and the title shown.
    static let kinds: [String: String] = [
        "NOTE": "Note", "TIP": "Tip", "IMPORTANT": "Important", "WARNING": "Warning", "CAUTION": "Caution",
    ]

    private static let opening = "<blockquote>\n<p>[!"
    /// What may follow `]`: a soft break, a hard break, or the end of a marker-only paragraph.
    private static let endings: [(text: String, reopen: Bool)] = [
        ("\n", true), ("<br />\n", true), ("</p>\n", false),
    ]

    /// `html` with every alert quote's marker replaced by a class and a title.
    static func apply(_ html: String) -> String {
        guard holdsOpening(html) else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + 256)
        var rest = html[...]
        while let found = rest.firstRange(of: opening) {
            out += rest[..<found.lowerBound]
            let after = rest[found.upperBound...]
            guard let (kind, remainder) = marker(after), let title = kinds[kind] else {
                out += rest[found]
                rest = after
                continue
            }
            out += "<blockquote class=\"alert alert-\(kind.lowercased())\">\n<p class=\"alert-title\">\(title)</p>\n"
            out += remainder.reopen ? "<p>" : ""
            rest = remainder.text
        }
        out += rest
        return out
    }

    /// True when `html` holds `opening`: a `memchr` for each `<`, then a compare (pages hold
    /// thousands of `<` and rarely a quote; the generic substring search cost 5% of a site build).
    static func holdsOpening(_ html: String) -> Bool {
        var copy = html
        return copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            let pin = Array(opening.utf8)
            var offset = 0
            while offset + pin.count <= bytes.count,
                let hit = memchr(base + offset, 0x3C, bytes.count - offset - pin.count + 1)
            {
                let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                if memcmp(base + at, pin, pin.count) == 0 { return true }
                offset = at + 1
            }
            return false
        }
    }

    /// The keyword up to `]` (at most 9 letters, any case) and what follows the marker, when
    /// the marker is followed by one of `endings`.
    private static func marker(_ text: Substring) -> (String, (text: Substring, reopen: Bool))? {
        guard let close = text.prefix(10).firstIndex(of: "]") else { return nil }
        let word = text[..<close]
        guard !word.isEmpty, word.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        let after = text[text.index(after: close)...]
        for ending in endings where after.hasPrefix(ending.text) {
            return (word.uppercased(), (after.dropFirst(ending.text.count), ending.reopen))
        }
        return nil
    }
}
