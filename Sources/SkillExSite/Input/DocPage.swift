import Foundation
import SkillExMarkdown

/// A Markdown document of the workspace (a cookbook page or the roadmap) before rendering.
public struct DocPage: Sendable, Equatable {
    /// The file name (`10-getting-started.md`).
    public var fileName: String
    /// The output name without extension (`10-getting-started`).
    public var slug: String
    /// Front matter `title:`, else the first heading, else the slug.
    public var title: String
    /// Front matter `order:`; pages without one sort after those with one.
    public var order: Int?
    /// Front matter `screencast: true`: every run block of the page is recorded as one screencast.
    public var screencast: Bool
    /// The Markdown after the front matter.
    public var body: String

    /// Parses `text` read from `fileName`.
    public init(fileName: String, text: String) {
        self.fileName = fileName
        let stem = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        slug = PathSegment.clean(stem)
        let (yaml, body) = FrontMatter.split(text)
        self.body = String(body)
        var title: String?
        var order: Int?
        var screencast = false
        for line in (yaml ?? "").split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            var value = parts[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            if key == "title", !value.isEmpty { title = value }
            if key == "order" { order = Int(value) }
            if key == "screencast" { screencast = value == "true" || value == "yes" }
        }
        self.title = title ?? Self.firstHeading(self.body) ?? stem
        self.order = order
        self.screencast = screencast
    }

    /// Sorts by `order:` then by file name.
    public static func ordered(_ pages: [DocPage]) -> [DocPage] {
        pages.sorted { lhs, rhs in
            switch (lhs.order, rhs.order) {
            case let (l?, r?) where l != r: return l < r
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs.fileName.utf8.lexicographicallyPrecedes(rhs.fileName.utf8)
            }
        }
    }

    /// The first line starting with `# `, scanning only as far as it (lines end at any newline).
    private static func firstHeading(_ body: String) -> String? {
        var line = String.UnicodeScalarView()
        var lines = body.unicodeScalars.makeIterator()
        while true {
            let next = lines.next()
            if let scalar = next, !isNewline(scalar) {
                line.append(scalar)
                continue
            }
            let text = String(line)
            if text.hasPrefix("# ") { return text.dropFirst(2).trimmingCharacters(in: .whitespaces) }
            if next == nil { return nil }
            line.removeAll(keepingCapacity: true)
        }
    }

    private static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
