import Foundation
import SkillEx
import Testing

@testable import SkillExSite

@Suite("Site pages")
struct PageTests {
    @Test("home lists skills by repository and says when there is no data")
    func home() throws {
        let (site, _) = try SiteFixture().build()
        let home = try #require(site.text("index.html"))
        #expect(home.contains("<h3>acme</h3>"))
        #expect(home.contains("href=\"skills/acme/pdf/index.html\""))
        #expect(home.contains("No data yet: no pack has been built"))
        #expect(home.contains("Test &lt;hub&gt;"))
    }

    @Test("skill page shows score, components, history chart, findings and front matter")
    func skill() throws {
        let (site, _) = try SiteFixture(stageFiles: true).build()
        let page = try #require(site.text("skills/acme/pdf/index.html"))
        #expect(page.contains("data-score=\"82.5\""))
        #expect(page.contains("<title id=\"history-title\">Score history of pdf</title>"))
        #expect(page.contains("How to fix: Split it."))
        #expect(page.contains("<th scope=\"row\">description</th><td>Builds PDF reports from Markdown tables.</td>"))
        #expect(page.contains("href=\"files/references/guide.md.html\""))
        #expect(page.contains("href=\"index.html#files-heading\""))
        #expect(site.text("skills/acme/pdf/files/references/guide.md.html")?.contains("<strong>this</strong>") == true)
    }

    @Test("cookbook pages follow front-matter order with sidebar, previous/next and contents")
    func cookbook() throws {
        let (site, _) = try SiteFixture().build()
        let first = try #require(site.text("cookbook/10-first.html"))
        let second = try #require(site.text("cookbook/20-second.html"))
        #expect(first.contains("rel=\"next\">Second →"))
        #expect(second.contains("rel=\"prev\">← First"))
        #expect(second.contains("<a href=\"#part\">Part</a>"))
        #expect(second.contains("href=\"20-second.html\" aria-current=\"page\""))
    }

    @Test("dashboard charts events, marks anomalies and counts unreadable lines")
    func dashboard() throws {
        let (site, _) = try SiteFixture(stageFiles: true).build()
        let page = try #require(site.text("dashboard.html"))
        #expect(page.contains("(anomaly)"))
        #expect(page.contains("1 lines of the log could not be read"))
        #expect(page.contains("spike!"))
        let empty = try #require(try SiteFixture().build().0.text("dashboard.html"))
        #expect(empty.contains("No data yet"))
    }

    @Test("roadmap counts item states and drops a non-http feedback link")
    func roadmap() throws {
        let (site, _) = try SiteFixture().build()
        let page = try #require(site.text("roadmap.html"))
        #expect(page.contains("<strong>In progress:</strong> Scores"))
        #expect(page.contains("<span class=\"badge ok\">Done</span> 1"))
        #expect(!page.contains("javascript:"))
    }

    @Test("reference pages list schema fields and link the schema file")
    func reference() throws {
        let (site, _) = try SiteFixture().build()
        let manifest = try #require(site.text("reference/manifest.html"))
        #expect(manifest.contains("<code>repositories[].skills_dir</code>"))
        #expect(site.data("reference/manifest.schema.json") != nil)
    }

    @Test("search index holds skills and cookbook pages, with < escaped")
    func search() throws {
        let (site, _) = try SiteFixture().build()
        let index = try #require(site.text("search-index.js"))
        #expect(index.hasPrefix("window.SKILLEX_SEARCH_INDEX={"))
        let text = try #require(site.text("search/d-0.js"))
        #expect(text.contains("Builds PDF reports"))
        for path in site.paths where path == "search-index.js" || path.hasPrefix("search/") {
            #expect(site.text(path)?.contains("<") == false, "\(path)")
        }
    }

    @Test("a hostile SKILL.md renders no script, handler or javascript: link")
    func hostileSkill() throws {
        let (site, _) = try SiteFixture().build()
        let page = try #require(site.text("skills/acme/evil/index.html"))
        #expect(!page.contains("<script>"))
        #expect(!page.contains("onerror="))
        #expect(!page.contains("javascript:"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test("the same input gives the same bytes, and unchanged pages are not rendered again")
    func deterministicAndIncremental() throws {
        let fixture = try SiteFixture(stageFiles: true)
        let theme = try Theme.load()
        let manifest = try ManifestStore.load(fixture.workspace.manifestURL)
        let input = try SiteInput.load(workspace: fixture.workspace, manifest: manifest)
        let publisher = MemoryPublisher()
        let first = try Site(theme: theme).build(input: input, publisher: publisher)
        let again = try Site(theme: theme).build(input: input, publisher: publisher)
        #expect(again.written == 0)
        #expect(again.rendered < first.rendered)
        let other = MemoryPublisher()
        _ = try Site(theme: theme).build(input: input, publisher: other)
        #expect(other.paths == publisher.paths)
        for path in other.paths { #expect(other.data(path) == publisher.data(path)) }
    }
}
