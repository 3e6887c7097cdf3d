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
    /// The plain-text copy (`raw/<path>.txt`), relative to this page; nil for a Markdown file's
    /// source, which links to its rendered page instead.
    var rawHref: String?
    /// The rendered page of a Markdown file, relative to this page.
    var renderedHref: String?
    /// The file's text; the built-in template shows `linesHTML` instead (kept for workspace templates).
    var text: String
    /// The language the text is coloured as (`python`), or nil for plain text.
    var language: String?
    /// The text escaped and coloured, one `<a class="ln" id="L<n>">` anchor per line (`FileLines`).
    var linesHTML: String
    var lineCount: Int

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
    /// `rawPath` is the plain-text copy's site path; `renderedPath` a Markdown file's rendered page.
    static func render(
        skill: SkillInput, relative: String, size: Int, text: String, path: String, rawPath: String?,
        renderedPath: String? = nil, context: SiteContext
    ) -> Data {
        let root = PageFrame.root(of: path)
        let rules = relative.lowercased() == "skill.md" ? SyntaxRules.named("md") : SyntaxRules.forFile(relative)
        let lines = FileLines.html(text, rules: rules)
        let page = SourcePage(
            frame: PageFrame(context: context, title: "\(relative) · \(skill.entry.name)", path: path, section: "home"),
            skill: skill.entry.name, skillHref: root + skill.pagePath, file: relative,
            size: Formatting.size(Int64(size)), rawHref: rawPath.map { SitePaths.relative(from: path, to: $0) },
            renderedHref: renderedPath.map { SitePaths.relative(from: path, to: $0) }, text: text,
            language: rules?.name, linesHTML: lines.html, lineCount: lines.count)
        return Data(context.theme.render("source", page).utf8)
    }
}
