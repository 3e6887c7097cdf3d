import Foundation

/// The summary a page's `<meta name="description">`, Open Graph and Twitter tags carry.
enum PageMeta {
    /// The longest description kept, in characters (search engines show about 160).
    static let maxLength = 200

    /// `given` flattened to one line and shortened, else "<title> · <site title>".
    static func description(_ given: String?, title: String, siteTitle: String) -> String {
        let text = (given ?? "").split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard !text.isEmpty else { return "\(title) · \(siteTitle)" }
        guard text.count > maxLength else { return text }
        return String(text.prefix(maxLength - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// The first paragraph of Markdown `body` as plain-ish text: the first run of lines that is
    /// not a heading, fence, quote marker, list, table or HTML, with link targets and emphasis
    /// marks dropped.
    static func firstParagraph(_ body: String) -> String? {
        var lines: [Substring] = []
        var inFence = false
        // Lines one at a time up to the paragraph's end, not a split of the whole page (this runs
        // for every cookbook page on every build, for `llms.txt`).
        var rest = body[...]
        var more = true
        while more {
            let line: Substring
            if let newline = rest.firstIndex(of: "\n") {
                line = rest[..<newline]
                rest = rest[rest.index(after: newline)...]
            } else {
                line = rest
                more = false
            }
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle(); continue }
            if inFence { continue }
            if trimmed.isEmpty {
                if !lines.isEmpty { break }
                continue
            }
            if let first = trimmed.first, "#>|<-*+!".contains(first) || first.isNumber {
                if !lines.isEmpty { break }
                continue
            }
            lines.append(trimmed)
        }
        guard !lines.isEmpty else { return nil }
        return plain(lines.joined(separator: " "))
    }

    /// `markdown` with `[text](target)` reduced to `text` and `*`, `_`, `` ` `` removed.
    static func plain(_ markdown: String) -> String {
        var out = ""
        var skippingTarget = false
        var previous: Character = " "
        for character in markdown {
            if skippingTarget {
                if character == ")" { skippingTarget = false }
                continue
            }
            if character == "(" && previous == "]" { skippingTarget = true; continue }
            previous = character
            if "*_`[]".contains(character) { continue }
            out.append(character)
        }
        return out
    }
}
