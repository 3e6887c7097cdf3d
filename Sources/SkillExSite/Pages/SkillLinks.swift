import Foundation
import SkillEx

/// Points relative links in a skill's rendered Markdown at what the site has: a linked `.md`
/// file at its rendered page, any other file of the skill at a copy beside the page.
struct SkillLinks {
    /// The skill's files by relative path.
    var files: [String: SkillFile]
    /// The skill's folder in the site (`skills/<repo>/<skill>`).
    var folderPath: String

    init(_ skill: SkillInput) {
        let list = (try? skill.files.get()) ?? []
        files = Dictionary(list.map { ($0.relativePath, $0) }, uniquingKeysWith: { a, _ in a })
        folderPath = skill.folderPath
    }

    /// Rewrites `href`/`src` values of `html` (from a file in `sourceFolder` of the skill, shown
    /// at site path `pagePath`); returns the HTML and the raw files to copy.
    func rewrite(_ html: String, sourceFolder: String, pagePath: String) -> (String, [RenderedPage]) {
        var extras: [RenderedPage] = []
        var out = ""
        var rest = html[...]
        while let range = Self.nextAttribute(in: rest) {
            out += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            guard let close = rest.firstIndex(of: "\"") else { break }
            let value = String(rest[..<close])
            rest = rest[close...]
            guard let (target, extra) = resolve(value, sourceFolder: sourceFolder) else {
                out += value
                continue
            }
            if let extra { extras.append(extra) }
            out += SitePaths.relative(from: pagePath, to: target.path) + target.fragment
        }
        out += rest
        return (out, extras)
    }

    /// The next ` href="` or ` src="` in `text`: one forward scan over the bytes (Foundation's
    /// `range(of:)` twice per link made long pages quadratic and cost 10% of a cold build).
    private static func nextAttribute(in text: Substring) -> Range<Substring.Index>? {
        let bytes = text.utf8
        var index = bytes.startIndex
        while let space = bytes[index...].firstIndex(of: UInt8(ascii: " ")) {
            let after = bytes.index(after: space)
            for pattern in [hrefPattern, srcPattern] where bytes[after...].starts(with: pattern) {
                return space..<bytes.index(after, offsetBy: pattern.count)
            }
            index = after
        }
        return nil
    }

    private static let hrefPattern = Array("href=\"".utf8)
    private static let srcPattern = Array("src=\"".utf8)

    private func resolve(_ value: String, sourceFolder: String) -> ((path: String, fragment: String), RenderedPage?)? {
        guard !value.isEmpty, !value.hasPrefix("#"), !value.hasPrefix("/"), !value.contains(":") else { return nil }
        var link = value.replacingOccurrences(of: "&amp;", with: "&")
        var fragment = ""
        if let hash = link.firstIndex(of: "#") {
            fragment = String(link[hash...])
            link = String(link[..<hash])
        }
        if let query = link.firstIndex(of: "?") { link = String(link[..<query]) }
        let decoded = link.removingPercentEncoding ?? link
        guard let relative = SitePaths.normalize(sourceFolder.isEmpty ? decoded : sourceFolder + "/" + decoded) else {
            return nil
        }
        guard let file = files[relative] else {
            // The skill links to a file it does not have: point at its file list instead.
            return ((folderPath + "/index.html", "#files-heading"), nil)
        }
        if relative.hasSuffix(".md"), relative.lowercased() != "skill.md" {
            return ((folderPath + "/" + SkillPage.sitePath(of: relative), fragment), nil)
        }
        let target = folderPath + "/raw/" + relative.split(separator: "/").map { PathSegment.clean(String($0)) }.joined(separator: "/")
        guard let data = try? Data(contentsOf: file.url) else { return nil }
        return ((target, fragment), RenderedPage(path: target, bytes: data))
    }
}

/// Relative paths between files of the site.
enum SitePaths {
    /// Resolves `.` and `..`; nil when the path climbs out of its root.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// The link from the page at `from` to the file at `to` (both site paths).
    static func relative(from: String, to: String) -> String {
        let fromFolder = Array(from.split(separator: "/").dropLast())
        let target = to.split(separator: "/")
        var common = 0
        while common < fromFolder.count, common < target.count - 1, fromFolder[common] == target[common] { common += 1 }
        let up = Array(repeating: "..", count: fromFolder.count - common)
        return (up + target[common...].map(String.init)).joined(separator: "/")
    }
}
