import Foundation
import SkillEx

/// A cookbook page with the sidebar of every page, previous/next links and a table of contents;
/// and the cookbook's index.
struct CookbookPage: Sendable {
    struct Link: Sendable { var title: String; var href: String; var current: Bool }

    var frame: PageFrame
    var title: String
    var bodyHTML: String
    var toc: [TocItem]
    var hasToc: Bool
    var sidebar: [Link]
    var previous: Link?
    var next: Link?
    var isIndex: Bool
    var folder: String

    // MARK: - Pages

    static func pages(from context: SiteContext) -> [PlannedPage] {
        let docs = context.input.cookbook
        let links = docs.map { Link(title: $0.title, href: $0.slug + ".html", current: false) }
        let indexKey = context.key("cookbook/index.html", context.input.cookbookFolder.path,
                                   links.map(\.title).joined(separator: "\u{1}"), links.map(\.href).joined(separator: "\u{1}"))
        var pages = [PlannedPage.template("cookbook/index.html", key: indexKey, theme: context.theme, "cookbook") {
            CookbookPage(
                frame: PageFrame(context: context, title: "Cookbook", path: "cookbook/index.html", section: "cookbook",
                                 hasSidebar: !docs.isEmpty),
                title: "Cookbook", bodyHTML: "", toc: [], hasToc: false, sidebar: links, previous: nil,
                next: links.first, isIndex: true, folder: context.input.cookbookFolder.path)
        }]
        let runner = context.commands
        for (index, doc) in docs.enumerated() {
            let path = "cookbook/\(doc.slug).html"
            let runs = CommandBlocks.contains(doc.body)
            let key = context.key("cookbook", doc.fileName, doc.body, links.map(\.title).joined(separator: "\u{1}"),
                                  runs ? (runner?.stateKey ?? "not run") : "")
            pages.append(.template(path, key: key, theme: context.theme, "cookbook") {
                var body = doc.body
                if runs, let runner {
                    body = try runner.expand(body, file: context.input.cookbookFolder.appendingPathComponent(doc.fileName).path)
                }
                let (html, toc) = SiteContext.markdown(body)
                var sidebar = links
                sidebar[index].current = true
                return CookbookPage(
                    frame: PageFrame(context: context, title: doc.title, path: path, section: "cookbook", hasSidebar: true),
                    title: doc.title, bodyHTML: html, toc: toc, hasToc: !toc.isEmpty, sidebar: sidebar,
                    previous: links[safe: index - 1], next: links[safe: index + 1], isIndex: false, folder: "")
            })
        }
        return pages
    }
}
