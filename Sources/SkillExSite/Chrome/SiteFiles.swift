import Foundation
import SkillEx

/// The files every docs site has besides its pages: `404.html`, `robots.txt`, `sitemap.xml`
/// (only when the manifest names the site's `url`: a sitemap lists absolute addresses),
/// `llms.txt`, and the Markdown copies of the content pages (`AgentCopy`).
enum SiteFiles {
    static func pages(from context: SiteContext) -> [PlannedPage] {
        let links = context.links
        let listed = SiteIndex.entries(context)
        var pages: [PlannedPage] = [
            .template("404.html", key: context.key("404.html"), theme: context.theme, "notfound") {
                NotFoundPage(context: context)
            },
            .file("robots.txt", key: context.key("robots.txt"), text: robots(links)),
            PlannedPage(path: "llms.txt", key: context.key("llms.txt", SiteIndex.fingerprint(listed))) {
                Data(LlmsText.make(listed, context: context).utf8)
            },
        ]
        if links.base != nil {
            pages.append(PlannedPage(path: "sitemap.xml", key: context.key("sitemap.xml", SiteIndex.fingerprint(listed))) {
                Data(sitemap(listed.map(\.path), links: links).utf8)
            })
        }
        return pages + AgentCopy.pages(from: context)
    }

    /// Lets every crawler in, and names the sitemap when there is one.
    static func robots(_ links: SiteLinks) -> String {
        "User-agent: *\nAllow: /\n" + (links.absolute("sitemap.xml").map { "\nSitemap: \($0)\n" } ?? "")
    }

    /// A sitemaps.org `urlset` of `paths`' absolute addresses.
    static func sitemap(_ paths: [String], links: SiteLinks) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            guard let url = links.absolute(path) else { continue }
            xml += "<url><loc>\(xmlEscaped(url))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    static func xmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&apos;")
    }
}

/// The page a host shows for a missing address. Its links start at the site's `url` when the
/// manifest names it (a host serves it at any depth), else they are relative to the root.
struct NotFoundPage: Sendable, Encodable {
    var frame: PageFrame

    init(context: SiteContext) {
        frame = PageFrame(context: context, title: "Page not found", path: "404.html", section: "",
                          description: "This address has no page on \(context.input.title).")
        frame.root = context.links.base ?? ""
        frame.canonical = nil
    }
}
