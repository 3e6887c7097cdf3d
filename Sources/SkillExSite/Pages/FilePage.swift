import Foundation
import SkillEx

/// A Markdown file of a skill (`references/*.md`) rendered on its own page.
struct FilePage: Sendable, Encodable {
    var frame: PageFrame
    var skill: String
    var skillHref: String
    var file: String
    var bodyHTML: String
    var toc: [TocItem]
    var hasToc = false

    static func make(skill: SkillInput, file: SkillFile, path: String, context: SiteContext) -> (FilePage, [RenderedPage]) {
        let text = SecretMask.shown(SiteInput.readText(file.url) ?? "")
        let (rendered, toc) = SiteContext.markdown(text)
        let folder = file.relativePath.split(separator: "/").dropLast().joined(separator: "/")
        let (html, extras) = SkillLinks(skill, context: context).rewrite(rendered, sourceFolder: folder, pagePath: path)
        let root = PageFrame.root(of: path)
        var page = FilePage(
            frame: PageFrame(context: context, title: "\(file.relativePath) · \(skill.entry.name)", path: path, section: "home"),
            skill: skill.entry.name, skillHref: root + skill.pagePath, file: file.relativePath,
            bodyHTML: html, toc: toc)
        page.hasToc = !toc.isEmpty
        return (page, extras)
    }
}
