import Foundation
import SkillEx

/// A cookbook page with the sidebar of every page, previous/next links and a table of contents;
/// and the cookbook's index.
struct CookbookPage: Sendable, Encodable {
    struct Link: Sendable, Encodable { var title: String; var href: String; var current: Bool }

    var frame: PageFrame
    var title: String
    /// The page's HTML up to its title, then the rest (the screencast, if any, sits between).
    var leadHTML = ""
    var bodyHTML: String
    var screencast: ScreencastFigure?
    var toc: [TocItem]
    var hasToc: Bool
    var sidebar: [Link]
    var previous: Link?
    var next: Link?
    var isIndex: Bool
    var folder: String
    /// Where to edit the page's source, when the manifest names `site.edit_url` (sitedocs).
    var editURL: String?
    /// The date of the last commit of the page's source, when the cookbook is in a git checkout.
    var updated: String?

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
                next: links.first, isIndex: true,
                folder: Formatting.hubRelative(context.input.cookbookFolder, root: context.input.workspace.root))
        }]
        let runner = context.commands
        let dates = docs.isEmpty ? [:] : context.input.cookbookDates.value ?? [:]
        for (index, doc) in docs.enumerated() {
            let path = "cookbook/\(doc.slug).html"
            let runs = CommandBlocks.contains(doc.body)
            let key = context.key("cookbook", doc.fileName, doc.body, links.map(\.title).joined(separator: "\u{1}"),
                                  runs ? (runner?.stateKey ?? "not run") : "", doc.screencast ? "screencast" : "",
                                  runs ? String(runner?.timestamp ?? 0) : "", dates[doc.fileName] ?? "")
            pages.append(PlannedPage(path: path, key: key) {
                var body = doc.body
                var recorded: [RecordedCommand] = []
                if runs, let runner {
                    let file = context.input.cookbookFolder.appendingPathComponent(doc.fileName).path
                    (body, recorded) = try runner.expand(body, file: file, recordAll: doc.screencast)
                }
                let (html, toc) = SiteContext.markdown(body)
                var sidebar = links
                sidebar[index].current = true
                var page = CookbookPage(
                    frame: PageFrame(context: context, title: doc.title, path: path, section: "cookbook", hasSidebar: true,
                                     description: PageMeta.firstParagraph(doc.body)),
                    title: doc.title, bodyHTML: html, toc: toc, hasToc: !toc.isEmpty, sidebar: sidebar,
                    previous: links[safe: index - 1], next: links[safe: index + 1], isIndex: false, folder: "",
                    editURL: context.links.editURL(cookbookFile: doc.fileName), updated: dates[doc.fileName])
                // The Markdown copy for agents, with the commands' real output (sitedocs).
                var extras = [RenderedPage(path: path + ".md", bytes: Data(body.utf8), key: key)]
                if !recorded.isEmpty, let runner {
                    let cast = Asciicast.walkthrough(recorded, title: doc.title, timestamp: runner.timestamp)
                    let castFile = doc.slug + ".cast"
                    page.screencast = ScreencastFigure(cast: cast, castFile: castFile, commands: recorded)
                    (page.leadHTML, page.bodyHTML) = ScreencastFigure.splitAfterTitle(html)
                    extras.append(RenderedPage(path: "cookbook/" + castFile, bytes: Data(cast.encoded().utf8), key: key))
                }
                return PlannedPage.Output(main: Data(context.theme.render("cookbook", page).utf8), extras: extras)
            })
        }
        return pages
    }
}
