import Foundation
import SkillEx

/// The search page and its prebuilt index (`search-index.js` and `search/`, scripts, so they
/// load from `file://` where `fetch` cannot; see `SearchIndex`).
struct SearchPage: Sendable, Encodable {
    var frame: PageFrame

    static func pages(from context: SiteContext, published: PublishedRecords) -> [PlannedPage] {
        [
            .template("search.html", key: context.key("search.html"), theme: context.theme, "search") {
                SearchPage(frame: PageFrame(context: context, title: "Search", path: "search.html", section: "search"))
            }
        ] + SearchIndexPlan.pages(context, published: published)
    }
}

/// Static files of the theme (stylesheet, scripts).
enum AssetFiles {
    static func pages(from context: SiteContext) -> [PlannedPage] {
        var pages: [PlannedPage] = [
            .template("assets/style.css", key: context.key("assets/style.css"), theme: context.theme, "style") {
                [String: String]()
            }
        ]
        for (path, text) in context.theme.assets.sorted(by: { $0.key < $1.key }) {
            pages.append(.file(path, key: context.key("asset", path), text: text))
        }
        return pages
    }
}
