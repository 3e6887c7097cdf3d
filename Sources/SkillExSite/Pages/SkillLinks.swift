import Foundation
import SkillEx

/// Points relative links in a skill's rendered Markdown at what the site has: a linked `.md`
/// file at its rendered page, `SKILL.md` at the skill's page, a raster image at a copy beside
/// the page, a text file at an escaped page of its text (`SourcePage`), and anything else at a
/// plain-text copy (`RawCopy`): nothing a skill holds is ever served as itself.
struct SkillLinks {
    /// The skill.
    var skill: SkillInput
    /// The skill's files by relative path.
    var files: [String: SkillFile]
    /// The skill's folder in the site (`skills/<repo>/<skill>`).
    var folderPath: String
    /// What the escaped text pages are rendered with.
    var context: SiteContext

    init(_ skill: SkillInput, context: SiteContext) {
        let list = (try? skill.files.get()) ?? []
        self.skill = skill
        files = Dictionary(list.map { ($0.relativePath, $0) }, uniquingKeysWith: { a, _ in a })
        folderPath = skill.folderPath
        self.context = context
    }

    /// Rewrites `href`/`src` values of `html` (from a file in `sourceFolder` of the skill, shown
    /// at site path `pagePath`); returns the HTML and the raw files to copy.
    func rewrite(_ html: String, sourceFolder: String, pagePath: String) -> (String, [RenderedPage]) {
        var extras: [RenderedPage] = []
        // Each file is read, and its page rendered, once per page however often it is linked.
        var done: [String: String?] = [:]
        var written = Set<String>()
        var out = ""
        var rest = html[...]
        while let (range, isSource) = Self.nextAttribute(in: rest) {
            out += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            guard let close = rest.firstIndex(of: "\"") else { break }
            let value = String(rest[..<close])
            rest = rest[close...]
            guard let (relative, fragment) = Self.file(named: value, in: sourceFolder) else {
                out += value
                continue
            }
            let key = (isSource ? "src:" : "href:") + relative
            let path: String?
            if let known = done[key] {
                path = known
            } else {
                let resolved = target(relative, embedded: isSource)
                for file in resolved?.files ?? [] where written.insert(file.path).inserted { extras.append(file) }
                path = resolved?.path
                done[key] = path
            }
            guard let path else {
                out += value
                continue
            }
            out += SitePaths.relative(from: pagePath, to: path) + (path.hasSuffix("#files-heading") ? "" : fragment)
        }
        out += rest
        return (out, extras)
    }

    /// The next ` href="` or ` src="` in `text`, and whether it is `src`: a `memchr` from one `=`
    /// to the next (pages hold far fewer `=` than spaces), then a look at the bytes around it.
    private static func nextAttribute(in text: Substring) -> (Range<Substring.Index>, Bool)? {
        let utf8 = text.utf8
        let found = utf8.withContiguousStorageIfAvailable { bytes -> (start: Int, end: Int, isSource: Bool)? in
            guard let base = bytes.baseAddress else { return nil }
            var offset = 0
            while offset < bytes.count, let hit = memchr(base + offset, 0x3D, bytes.count - offset) {
                let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                offset = at + 1
                guard at + 1 < bytes.count, bytes[at + 1] == 0x22 else { continue }
                if at >= 5, bytes[at - 5] == 0x20, bytes[at - 4] == 0x68, bytes[at - 3] == 0x72, bytes[at - 2] == 0x65,
                    bytes[at - 1] == 0x66
                {
                    return (at - 5, at + 2, false)  // ` href="`
                }
                if at >= 4, bytes[at - 4] == 0x20, bytes[at - 3] == 0x73, bytes[at - 2] == 0x72, bytes[at - 1] == 0x63 {
                    return (at - 4, at + 2, true)  // ` src="`
                }
            }
            return nil
        }
        if let found {
            guard let found else { return nil }
            let start = utf8.index(utf8.startIndex, offsetBy: found.start)
            return (start..<utf8.index(start, offsetBy: found.end - found.start), found.isSource)
        }
        return slowNextAttribute(in: text)
    }

    /// `nextAttribute` for text without contiguous storage (not produced by this code's strings).
    private static func slowNextAttribute(in text: Substring) -> (Range<Substring.Index>, Bool)? {
        let bytes = text.utf8
        var index = bytes.startIndex
        while let space = bytes[index...].firstIndex(of: UInt8(ascii: " ")) {
            let after = bytes.index(after: space)
            if bytes[after...].starts(with: hrefPattern) {
                return (space..<bytes.index(after, offsetBy: hrefPattern.count), false)
            }
            if bytes[after...].starts(with: srcPattern) {
                return (space..<bytes.index(after, offsetBy: srcPattern.count), true)
            }
            index = after
        }
        return nil
    }

    private static let hrefPattern = Array("href=\"".utf8)
    private static let srcPattern = Array("src=\"".utf8)

    /// The skill-relative path the link `value` (in a file of `sourceFolder`) names, and its
    /// `#fragment`; nil for links that are not to a file of the skill (other sites, anchors,
    /// absolute paths, anything climbing out of the skill).
    private static func file(named value: String, in sourceFolder: String) -> (relative: String, fragment: String)? {
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
        return (relative, fragment)
    }

    /// The site path a link to the skill's file `relative` goes to, and the files to write for
    /// it; nil leaves the link as it is. `embedded` is a `src` (an image): it gets the file's
    /// copy, never a page.
    private func target(_ relative: String, embedded: Bool) -> (path: String, files: [RenderedPage])? {
        guard let file = files[relative] else {
            // The skill links to a file it does not have: point at its file list instead.
            return (folderPath + "/index.html#files-heading", [])
        }
        if !embedded, relative.lowercased() == "skill.md" {
            return (skill.pagePath, [])
        }
        if !embedded, SkillPage.hasPage(relative) {
            return (folderPath + "/" + SkillPage.sitePath(of: relative), [])
        }
        guard var data = try? Data(contentsOf: file.url) else { return nil }
        if let text = String(data: data, encoding: .utf8) { data = Data(SecretMask.maskSecrets(in: text).utf8) }  // security
        let rawPath = folderPath + "/" + RawCopy.path(of: relative)
        let copy = RenderedPage(path: rawPath, bytes: data)
        guard !embedded, !RawCopy.isInert(relative), let text = SourcePage.text(of: data) else {
            return (rawPath, [copy])
        }
        let pagePath = folderPath + "/" + SourcePage.path(of: relative)
        let page = SourcePage.render(
            skill: skill, relative: relative, size: data.count, text: text, path: pagePath, rawPath: rawPath,
            context: context)
        return (pagePath, [RenderedPage(path: pagePath, bytes: page), copy])
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
