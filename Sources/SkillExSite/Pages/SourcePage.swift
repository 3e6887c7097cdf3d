import Foundation
import SkillEx

/// A text file of a skill that a page links to (a script, an HTML or SVG file…), shown as
/// escaped text on a page of the site, never served as itself (see `RawCopy`).
struct SourcePage: Sendable, Encodable {
    var frame: PageFrame
    var skill: String
    var skillHref: String
    var file: String
    var size: String
    /// The plain-text copy (`raw/<path>.txt`), relative to this page.
    var rawHref: String
    /// The file's text; the template escapes it.
    var text: String

    /// Files larger than this get only the plain-text copy: the page would be as large.
    static let maxBytes = 1 << 20

    /// The page's path inside the skill's site folder (`files/<segments>.html`, as Markdown files' pages).
    static func path(of relative: String) -> String {
        SkillPage.sitePath(of: relative)
    }

    /// The file's text when it gets a page: at most `maxBytes` of UTF-8 without control
    /// characters other than tab, line feed, form feed and carriage return (HTML allows no
    /// others, and they mark a binary file).
    static func text(of data: Data) -> String? {
        guard data.count <= maxBytes, let text = String(data: data, encoding: .utf8) else { return nil }
        let allowed: Set<UInt32> = [0x09, 0x0A, 0x0C, 0x0D]
        let control = text.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)) && !allowed.contains(scalar.value)
        }
        return control ? nil : text
    }

    /// The rendered page of `relative` (whose text is `text`) of `skill`, at site path `path`.
    static func render(
        skill: SkillInput, relative: String, size: Int, text: String, path: String, rawPath: String, context: SiteContext
    ) -> Data {
        let root = PageFrame.root(of: path)
        let page = SourcePage(
            frame: PageFrame(context: context, title: "\(relative) · \(skill.entry.name)", path: path, section: "home"),
            skill: skill.entry.name, skillHref: root + skill.pagePath, file: relative,
            size: Formatting.size(Int64(size)), rawHref: SitePaths.relative(from: path, to: rawPath), text: text)
        return Data(context.theme.render("source", page).utf8)
    }
}
