import Foundation
import SkillEx
import Testing

@testable import SkillExSite

/// The home and cookbook pages of an empty or odd hub say what actually happened.
@Suite("Home page tells the truth")
struct HomeTruthTests {
    static let missingRepos = """
        {"type":"started","scope":"run","time":"2025-10-01T09:00:00Z","run_id":"r1","metadata":{"command":"sync"}}
        {"type":"failed","scope":"run","time":"2025-10-01T09:00:01Z","run_id":"r1","repo":"alpha","metadata":{"command":"sync"},"error":{"reason":"missing_repo","message":"repository alpha not found"}}
        {"type":"failed","scope":"run","time":"2025-10-01T09:00:01Z","run_id":"r1","repo":"beta","metadata":{"command":"sync"},"error":{"reason":"missing_skills_dir","message":"skills folder not found in repository beta"}}
        {"type":"failed","scope":"run","time":"2025-10-01T09:00:02Z","run_id":"r1","measurements":{"skills":0},"metadata":{"command":"sync"},"error":{"reason":"sync_failed","message":"2 errors"}}

        """

    static func emptyHub(events: String?) throws -> SiteFixture {
        let fixture = try SiteFixture()
        try fixture.write("manifest.json", """
            {"version": 2, "repositories": [{"name": "alpha", "path": "repos/alpha"}, {"name": "beta", "path": "repos/beta"}],
             "skills": []}
            """)
        if let events { try fixture.write(".skillex/events.jsonl", events) }
        return fixture
    }

    @Test("no skills because every repository failed the last sync: the page says so and lists them")
    func missingRepositories() throws {
        let home = try #require(try Self.emptyHub(events: Self.missingRepos).build().0.text("index.html"))
        #expect(home.contains(
            "<p class=\"no-data\">No skills: the last sync could not read any of the manifest&#39;s 2 repositories"))
        #expect(!home.contains("no skills have been synced"))
        #expect(home.contains("<h2 id=\"repo-failures-heading\">Repositories that failed the last sync</h2>"))
        #expect(home.contains("<li><span class=\"badge bad\">missing_repo</span> <strong>alpha</strong> — repository alpha not found</li>"))
        #expect(home.contains("<strong>beta</strong> — skills folder not found in repository beta</li>"))
    }

    @Test("skills from the other repositories, one repository missing: the skills table stays, the failure is listed")
    func oneMissing() throws {
        let fixture = try SiteFixture()
        try fixture.write(".skillex/events.jsonl", """
            {"type":"started","scope":"run","time":"2025-10-01T09:00:00Z","run_id":"r1","metadata":{"command":"sync"}}
            {"type":"failed","scope":"run","time":"2025-10-01T09:00:01Z","run_id":"r1","repo":"gamma","metadata":{"command":"sync"},"error":{"reason":"missing_repo","message":"repository gamma not found"}}

            """)
        let home = try #require(try fixture.build().0.text("index.html"))
        #expect(home.contains("<h3>acme</h3>"))
        #expect(!home.contains("No skills:"))
        #expect(home.contains("<li><span class=\"badge bad\">missing_repo</span> <strong>gamma</strong> — repository gamma not found</li>"))
    }

    @Test("no skills and no sync failures: the page still asks for a first sync, as before")
    func nothingSynced() throws {
        let home = try #require(try Self.emptyHub(events: nil).build().0.text("index.html"))
        #expect(home.contains(
            "<p class=\"no-data\">No data yet: no skills have been synced. Run <code>skillex sync</code>.</p>\n</section>"))
        #expect(!home.contains("repo-failures-heading"))
    }

    @Test("a later sync that reads the repositories clears the list")
    func laterSyncClears() throws {
        let later = Self.missingRepos + """
            {"type":"started","scope":"run","time":"2025-10-02T09:00:00Z","run_id":"r2","metadata":{"command":"sync"}}
            {"type":"finished","scope":"run","time":"2025-10-02T09:00:01Z","run_id":"r2","metadata":{"command":"sync"}}

            """
        let home = try #require(try Self.emptyHub(events: later).build().0.text("index.html"))
        #expect(!home.contains("repo-failures-heading"))
        #expect(home.contains("no skills have been synced"))
    }

    static func pack(createdAt: String, events: String?) throws -> String {
        let fixture = try SiteFixture()
        try fixture.write("dist/index.json", """
            {"format": 1, "latest": "0.2.0", "versions": [{"version": "0.2.0", "created_at": "\(createdAt)",
              "pack": {"file": "skills-pack-0.2.0.zip", "size": 10, "sha256": "ab"},
              "index": {"file": "skills-pack-0.2.0.json", "size": 10, "sha256": "cd"}, "skills": 2, "deltas": []}]}
            """)
        if let events { try fixture.write(".skillex/events.jsonl", events) }
        let home = try #require(try fixture.build().0.text("index.html"))
        let start = try #require(home.range(of: "<dt>Created</dt><dd>"))
        return String(home[start.upperBound...].prefix { $0 != "<" })
    }

    @Test("the latest pack shows when it was built, not the zip's fixed 1980 time")
    func packCreated() throws {
        let packaged = """
            {"type":"packaged","scope":"run","time":"2025-10-01T08:00:00Z","run_id":"p1","measurements":{"skills":2},"metadata":{"command":"package","version":"0.2.0"}}
            {"type":"packaged","scope":"skill","time":"2025-10-03T07:00:00Z","run_id":"p9","repo":"acme","skill":"pdf","metadata":{"command":"package","version":"0.2.0"}}
            {"type":"packaged","scope":"run","time":"2025-10-03T07:00:01Z","run_id":"p9","measurements":{"skills":2},"metadata":{"command":"package","version":"0.2.0"}}
            {"type":"packaged","scope":"run","time":"2025-10-04T07:00:00Z","run_id":"p10","measurements":{"skills":2},"metadata":{"command":"package","version":"0.3.0"}}

            """
        // The last run that packaged 0.2.0 made the pack on disk.
        #expect(try Self.pack(createdAt: "1980-01-01T00:00:00Z", events: packaged) == "2025-10-03T07:00:01Z")
        // A pack stamped with a real time (--clock, SOURCE_DATE_EPOCH) shows that time.
        #expect(try Self.pack(createdAt: "2025-09-30T10:00:00Z", events: packaged) == "2025-09-30T10:00:00Z")
        #expect(try Self.pack(createdAt: "1980-01-01T00:00:00Z", events: nil)
            == "not recorded (the pack carries the fixed reproducible time 1980-01-01)")
    }

    @Test("an empty cookbook names its folder relative to the hub, never by absolute path")
    func emptyCookbook() throws {
        let fixture = try SiteFixture()
        try fixture.write("manifest.json", """
            {"version": 2, "repositories": [], "skills": [], "site": {"cookbook_dir": "handbook/recipes"}}
            """)
        let page = try #require(try fixture.build().0.text("cookbook/index.html"))
        #expect(page.contains("<p class=\"no-data\">No cookbook pages yet: add Markdown files to handbook/recipes.</p>"))
        #expect(!page.contains(fixture.root.path))
        let outside = try SiteFixture()
        try outside.write("manifest.json", """
            {"version": 2, "repositories": [], "skills": [], "site": {"cookbook_dir": "../elsewhere/cookbook"}}
            """)
        let other = try #require(try outside.build().0.text("cookbook/index.html"))
        #expect(other.contains("add Markdown files to ../elsewhere/cookbook.</p>"))
        #expect(!other.contains(outside.root.deletingLastPathComponent().path + "/"))
    }
}
