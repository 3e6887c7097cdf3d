import Foundation
import SkillEx
import Testing

@testable import SkillExSite

/// The files and page chrome every docs site has: 404, sitemap, robots, llms.txt, Markdown
/// copies, head metadata, tables of contents, previous/next, edit links.
@Suite("Docs site chrome")
struct DocsChromeTests {
    /// The fixture with `site.url` and `site.edit_url` set.
    static func linkedFixture() throws -> SiteFixture {
        let fixture = try SiteFixture()
        try fixture.write("manifest.json", """
            {"version": 2, "repositories": [], "site": {"title": "Test hub", "url": "https://skills.example.test/hub",
              "edit_url": "https://git.example.test/acme/hub/edit/main/docs/cookbook"},
             "skills": [{"name": "pdf", "source_repo": "acme", "target_path": "skills/acme/pdf", "checksum": "c1",
               "packaged_at": "2025-10-02T00:00:00Z", "description": "Builds PDF reports"}]}
            """)
        return fixture
    }

    @Test("sitemap.xml lists every page once, absolute, and robots.txt names it")
    func sitemap() throws {
        let (site, _) = try Self.linkedFixture().build()
        let xml = try #require(site.text("sitemap.xml"))
        let locs = xml.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        let expected = ["index.html", "skills/acme/pdf/index.html", "cookbook/index.html", "cookbook/10-first.html",
                        "cookbook/20-second.html", "reference/index.html", "reference/events.html", "reference/manifest.html",
                        "roadmap.html", "dashboard.html", "search.html"]
        #expect(locs == expected.map { "https://skills.example.test/hub/" + ($0 == "index.html" ? "" : $0) })
        for path in expected { #expect(site.text(path) != nil, "\(path)") }
        #expect(site.text("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://skills.example.test/hub/sitemap.xml\n")
    }

    @Test("without site.url there is no sitemap and no absolute tag, but robots, 404 and llms.txt remain")
    func withoutURL() throws {
        let (site, _) = try SiteFixture().build()
        #expect(site.text("sitemap.xml") == nil)
        #expect(site.text("robots.txt") == "User-agent: *\nAllow: /\n")
        let home = try #require(site.text("index.html"))
        #expect(!home.contains("rel=\"canonical\"") && !home.contains("og:url"))
        #expect(home.contains("<meta property=\"og:title\" content=\"Skills\">"))
        let missing = try #require(site.text("404.html"))
        #expect(missing.contains("<h1>Page not found</h1>") && missing.contains("href=\"index.html\""))
        #expect(site.text("llms.txt")?.contains("- [acme/pdf](skills/acme/pdf/index.html.md): Builds PDF reports") == true)
    }

    @Test("pages carry canonical, Open Graph and Twitter tags; 404 links start at the site's url")
    func meta() throws {
        let (site, _) = try Self.linkedFixture().build()
        let skill = try #require(site.text("skills/acme/pdf/index.html"))
        #expect(skill.contains("<link rel=\"canonical\" href=\"https://skills.example.test/hub/skills/acme/pdf/index.html\">"))
        #expect(skill.contains("<meta name=\"description\" content=\"Builds PDF reports\">"))
        #expect(skill.contains("<meta name=\"twitter:card\" content=\"summary\">"))
        #expect(skill.contains("<link rel=\"alternate\" type=\"text/markdown\" href=\"index.html.md\">"))
        #expect(!(try #require(site.text("dashboard.html"))).contains("text/markdown"))
        let missing = try #require(site.text("404.html"))
        #expect(missing.contains("href=\"https://skills.example.test/hub/assets/style.css\""))
        #expect(!missing.contains("rel=\"canonical\""))
    }

    @Test("llms.txt lists the Markdown copies, and each copy exists")
    func llms() throws {
        let (site, _) = try Self.linkedFixture().build()
        let text = try #require(site.text("llms.txt"))
        #expect(text.hasPrefix("# Test hub\n\n> A hub of 1 agent skills from 1 repositories"))
        #expect(text.contains("## Cookbook\n\n- [First](https://skills.example.test/hub/cookbook/10-first.html.md)"))
        let prefix = "https://skills.example.test/hub/"
        let links = text.components(separatedBy: "](" + prefix).dropFirst().map { String($0.prefix { $0 != ")" }) }
        #expect(links.count == 6)
        for link in links { #expect(site.data(link) != nil, "\(link)") }
        let skill = try #require(site.text("skills/acme/pdf/index.html.md"))
        #expect(skill.hasPrefix("# pdf\n\n> Builds PDF reports\n\n"))
        #expect(skill.contains("## Usage") && !skill.contains("name: pdf"))
        #expect(site.text("reference/manifest.html.md")?.contains("| `version` |") == true)
        #expect(site.text("cookbook/20-second.html.md") == "# Second\n\n## Part\n")
    }

    @Test("cookbook pages: previous/next in order, a table of contents, the edit link")
    func cookbook() throws {
        let (site, _) = try Self.linkedFixture().build()
        let first = try #require(site.text("cookbook/10-first.html"))
        let second = try #require(site.text("cookbook/20-second.html"))
        #expect(!first.contains("rel=\"prev\""))
        #expect(first.contains("<a class=\"next\" href=\"20-second.html\" rel=\"next\">Second →</a>"))
        #expect(second.contains("<a class=\"prev\" href=\"10-first.html\" rel=\"prev\">← First</a>"))
        #expect(!second.contains("rel=\"next\""))
        #expect(second.contains("<nav class=\"toc\" aria-label=\"On this page\">"))
        #expect(second.contains("<li><a href=\"#part\">Part</a></li>"))
        #expect(!first.contains("class=\"toc\""))
        #expect(second.contains("href=\"https://git.example.test/acme/hub/edit/main/docs/cookbook/20-second.md\""))
    }

    @Test("reference pages list their top-level fields, each linking to its row")
    func referenceToc() throws {
        let (site, _) = try SiteFixture().build()
        let page = try #require(site.text("reference/manifest.html"))
        #expect(page.contains("<li><a href=\"#field-version\">version</a></li>"))
        #expect(page.contains("<tr class=\"depth-0\" id=\"field-version\">"))
        #expect(!page.contains("href=\"#field-skills-items."))
        #expect(SchemaFields.Field.anchor(of: "skills[].score_history[].at") == "field-skills-items.score_history-items.at")
        #expect(SchemaFields.Field.anchor(of: "a b\"<") == "field-a-b--")
    }

    @Test("every page has the theme script and a hidden toggle, and the two navigations")
    func themeAndMenu() throws {
        let (site, _) = try SiteFixture().build()
        for path in site.paths where path.hasSuffix(".html") {
            let page = try #require(site.text(path))
            #expect(page.contains("assets/theme.js\"></script>"), "\(path)")
            #expect(page.contains("<button type=\"button\" class=\"theme-toggle\" hidden"), "\(path)")
            #expect(page.contains("<details class=\"nav-menu\">"), "\(path)")
        }
        #expect(site.text("assets/theme.js")?.contains("localStorage") == true)
    }

    @Test("settings: only http(s) addresses, a slash added; git log output read newest first")
    func settingsAndDates() {
        #expect(SiteLinks(base: "https://a.test/x").base == "https://a.test/x/")
        #expect(SiteLinks(base: "javascript:alert(1)").base == nil)
        #expect(SiteLinks(base: "https://a.test/\"><script>").base == nil)
        #expect(SiteLinks(base: "https://a.test/").absolute("skills/a b/index.html") == "https://a.test/skills/a%20b/index.html")
        let log = "\u{1}2026-11-30\n\na.md\nsub/b.md\n\u{1}2026-10-01\n\na.md\nc.md\n\u{1}bad\n\nd.md\n"
        #expect(GitDates.parse(log) == ["a.md": "2026-11-30", "sub/b.md": "2026-11-30", "c.md": "2026-10-01"])
        #expect(GitDates.lastCommitted(in: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)")) == [:])
    }

    @Test("git is asked for dates only inside a checkout or a bare repository")
    func gitOnlyInsideRepositories() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gitdates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let docs = root.appendingPathComponent("hub/docs/cookbook")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        // A temporary folder inside someone's checkout proves nothing here.
        guard !GitDates.insideRepository(root.path) else { return }
        #expect(!GitDates.insideRepository(docs.path))
        #expect(GitDates.lastCommitted(in: docs) == [:])
        try FileManager.default.createDirectory(at: root.appendingPathComponent("hub/.git"), withIntermediateDirectories: true)
        #expect(GitDates.insideRepository(docs.path))
        #expect(GitDates.insideRepository(docs.path + "/"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("hub/.git"))
        for part in ["objects", "refs"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("hub/\(part)"), withIntermediateDirectories: true)
        }
        #expect(!GitDates.insideRepository(docs.path))
        try Data("ref: refs/heads/main\n".utf8).write(to: root.appendingPathComponent("hub/HEAD"))
        #expect(GitDates.insideRepository(docs.path))
    }

    @Test("a description is one line, shortened; a cookbook summary is its first paragraph as text")
    func descriptions() {
        #expect(PageMeta.description(nil, title: "A", siteTitle: "Hub") == "A · Hub")
        #expect(PageMeta.description("one\ntwo   three", title: "A", siteTitle: "Hub") == "one two three")
        #expect(PageMeta.description(String(repeating: "x", count: 500), title: "A", siteTitle: "Hub").count == PageMeta.maxLength)
        #expect(PageMeta.firstParagraph("# T\n\nRun **it** with [the tool](x.html).\nNow.\n\nNext.") == "Run it with the tool. Now.")
        #expect(PageMeta.firstParagraph("# Only a title\n") == nil)
    }
}
