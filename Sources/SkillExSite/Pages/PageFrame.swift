import SkillEx

/// What the base layout shows around every page: titles, navigation, the path back to the root.
struct PageFrame: Sendable, Encodable {
    /// A link of the site navigation.
    struct NavItem: Sendable, Encodable { var label: String; var href: String; var current: Bool }

    var siteTitle: String
    var title: String
    /// `../` repeated to reach the site root from this page.
    var root: String
    var nav: [NavItem]
    var hasSidebar: Bool
    // sitedocs: head metadata (see `PageMeta`).
    /// The page's summary for `description`, Open Graph and Twitter tags.
    var description: String
    /// The page's absolute address, when the manifest names the site's `url`.
    var canonical: String?
    /// The page's Markdown copy for agents (`<page>.md`), relative to the page.
    var markdownHref: String?

    /// The sections of the navigation: label, path, section id.
    static let sections: [(String, String, String)] = [
        ("Skills", "index.html", "home"), ("Cookbook", "cookbook/index.html", "cookbook"),
        ("Dashboard", "dashboard.html", "dashboard"), ("Roadmap", "roadmap.html", "roadmap"),
        ("Reference", "reference/index.html", "reference"), ("Search", "search.html", "search"),
    ]

    /// The frame of the page at `path` in navigation `section`.
    init(context: SiteContext, title: String, path: String, section: String, hasSidebar: Bool = false,
         description: String? = nil) {
        siteTitle = context.input.title
        self.title = title
        root = Self.root(of: path)
        nav = Self.sections.map { NavItem(label: $0.0, href: $0.1, current: $0.2 == section) }
        self.hasSidebar = hasSidebar
        // A skill's description is untrusted: secrets masked, hidden characters shown (security).
        self.description = SecretMask.shown(PageMeta.description(description, title: title, siteTitle: context.input.title))
        canonical = context.links.absolute(path)
        markdownHref = AgentCopy.hasCopy(path) ? (path.split(separator: "/").last.map(String.init) ?? path) + ".md" : nil
    }

    /// `../` once per folder in `path`.
    static func root(of path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}

/// One entry of a table of contents.
struct TocItem: Sendable, Encodable {
    var text: String
    var anchor: String
    var isSub: Bool
}
