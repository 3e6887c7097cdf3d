import Foundation
import SkillEx
import Testing

@testable import SkillExSite

/// SkillEx issue #15, site side: linked files never served as themselves, a Content-Security-
/// Policy on every page, one-to-one bounded page names, no trap on huge numbers.
@Suite("Site hardening")
struct SiteHardeningTests {
    // MARK: - Page names

    @Test("ordinary names are unchanged; names one slug would merge get their own segments")
    func segmentsAreOneToOne() {
        for name in ["guide.md", "run_v1.2-x.sh", "README", "..notes.md", "...", "a..b.md"] {
            #expect(PathSegment.clean(name) == name)
        }
        let twins = ["a b.md", "a+b.md", "a-b.md", "a~b.md", "a~20b.md", "a_b.md", "a/b.md", "a%20b.md", "á-b.md"]
        let segments = twins.map(PathSegment.clean)
        #expect(Set(segments).count == twins.count, "\(segments)")
        #expect(PathSegment.clean("a b.md") == "a~20b.md")
        #expect(PathSegment.clean("a~20b.md") == "a~7E20b.md")
        #expect(PathSegment.clean(".") == "~2E" && PathSegment.clean("..") == "~2E~2E")
    }

    @Test("a folder segment never ends like a file the site writes beside it")
    func folderSegments() {
        #expect(PathSegment.folder("v1.2") == "v1.2")
        #expect(PathSegment.folder("a.md.html") == "a.md~2Ehtml")
        #expect(PathSegment.folder("x.PNG") == "x~2EPNG")
        #expect(PathSegment.folder("notes.txt") == "notes~2Etxt")
        #expect(PathSegment.path("a.md.html/b.md") == "a.md~2Ehtml/b.md")
        #expect(SkillPage.sitePath(of: "a.md") == "files/a.md.html")
        #expect(SkillPage.sitePath(of: "a.md.html/b.md") != "files/a.md.html")
        #expect(RawCopy.path(of: "x.html") == "raw/x.html.txt" && RawCopy.path(of: "x.html.txt") == "raw/x.html.txt.txt")
        #expect(RawCopy.path(of: "img/Logo.PNG") == "raw/img/Logo.PNG" && RawCopy.path(of: "a.svg") == "raw/a.svg.txt")
        #expect(RawCopy.path(of: "png") == "raw/png.txt" && !RawCopy.isInert("x.png/y"))
    }

    @Test("a 253-byte name gives a bounded segment that keeps its extension; long twins stay apart")
    func longNames() {
        let long = String(repeating: "a", count: 250) + ".md"
        let segment = PathSegment.clean(long)
        #expect(segment.utf8.count <= PathSegment.maxBytes)
        #expect(segment.hasSuffix(".md") && segment.contains("~~"))
        #expect(PathSegment.clean(String(repeating: "a", count: 249) + "b.md") != segment)
        // Multi-byte names grow threefold when encoded: still bounded, and an escape is never cut.
        let wide = String(repeating: "é", count: 127)
        let encoded = PathSegment.clean(wide)
        #expect(encoded.utf8.count <= PathSegment.maxBytes)
        let prefix = String(encoded[..<(encoded.range(of: "~~")?.lowerBound ?? encoded.endIndex)])
        let escapes: [Substring] = prefix.split(separator: "~" as Character, omittingEmptySubsequences: false)
        #expect(escapes.dropFirst().allSatisfy { $0.count == 2 })
        #expect(SkillPage.sitePath(of: "d/" + long).split(separator: "/").allSatisfy { $0.utf8.count <= 160 })
    }

    @Test("deep folders of long names give one bounded segment that keeps the extension")
    func deepPaths() {
        let folders = (0..<10).map { String(repeating: "é", count: 40) + "\($0)" }
        let deep = (folders + ["diagram.png"]).joined(separator: "/")
        let path = PathSegment.path(deep)
        #expect(path.utf8.count <= PathSegment.maxPathBytes && !path.contains("/"))
        #expect(path.hasPrefix("~~") && path.hasSuffix(".png"))
        #expect(RawCopy.path(of: deep) == "raw/" + path)
        #expect(PathSegment.path((folders + ["diagram.PNG"]).joined(separator: "/")) != path)
        #expect(PathSegment.path("a/b/c.md") == "a/b/c.md")
    }

    @Test("random names: segments are distinct, bounded and made of safe characters")
    func randomNames() {
        let alphabet = Array("ab2E0.-_~ %+/é\u{202E}")
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var names = Set<String>()
        while names.count < 3000 {
            let length = 1 + next() % (next() % 10 == 0 ? 200 : 8)
            names.insert(String((0..<length).map { _ in alphabet[next() % alphabet.count] }))
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-~".unicodeScalars)
        for folder in [false, true] {
            var seen: [String: String] = [:]
            for name in names {
                let segment = folder ? PathSegment.folder(name) : PathSegment.clean(name)
                #expect(seen[segment] == nil, "\(name) and \(seen[segment] ?? "") share \(segment)")
                seen[segment] = name
                #expect(segment.utf8.count <= PathSegment.maxBytes)
                #expect(segment.unicodeScalars.allSatisfy(allowed.contains))
                #expect(segment != "." && segment != "..")
            }
        }
    }

    @Test("a file named index shown as text is part of its skill's group, not a skill's page")
    func groupMembers() {
        #expect(!SkillInput.isGroupMember(sitePath: "skills/a/b/index.html"))
        #expect(SkillInput.isGroupMember(sitePath: "skills/a/b/files/index.html"))
        #expect(SkillInput.isGroupMember(sitePath: "skills/a/b/raw/x.txt"))
    }

    // MARK: - Linked files

    private func hostileFixture() throws -> SiteFixture {
        let fixture = try SiteFixture()
        try fixture.write("skills/acme/pdf/SKILL.md", """
            ---
            name: pdf
            description: Builds PDF reports from Markdown tables.
            ---
            # PDF

            [page](assets/page.html) [svg](assets/pic.svg) [js](scripts/run.js) [bin](data.bin)
            [pdf](report.pdf) [self](SKILL.md) [twin](page.html.txt)

            ![pic](assets/pic.svg) ![logo](assets/logo.png)
            """)
        try fixture.write("skills/acme/pdf/assets/page.html", "<script>alert('page')</script>\n")
        try fixture.write("skills/acme/pdf/assets/pic.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>\n")
        try fixture.write("skills/acme/pdf/scripts/run.js", "alert('js')\n")
        try fixture.write("skills/acme/pdf/report.pdf", "%PDF-1.4 <</JS(app.alert(1))>>\n")
        try fixture.write("skills/acme/pdf/page.html.txt", "twin\n")
        try fixture.write("skills/acme/pdf/assets/logo.png", "\u{89}PNG")
        let url = fixture.root.appendingPathComponent("skills/acme/pdf/data.bin")
        try Data([0, 1, 2, 0x3C]).write(to: url)
        return fixture
    }

    @Test("linked files get an escaped page and a .txt copy; only raster images keep their name")
    func linkedFiles() throws {
        let (site, _) = try hostileFixture().build()
        let skill = "skills/acme/pdf/"
        let page = try #require(site.text(skill + "index.html"))
        #expect(page.contains("href=\"files/assets/page.html.html\""))
        #expect(page.contains("href=\"files/assets/pic.svg.html\""))
        #expect(page.contains("href=\"files/scripts/run.js.html\""))
        #expect(page.contains("href=\"raw/data.bin.txt\""))
        #expect(page.contains("href=\"files/report.pdf.html\""))
        #expect(page.contains("href=\"index.html\">self</a>"))
        #expect(page.contains("href=\"files/page.html.txt.html\""))
        #expect(page.contains("src=\"raw/assets/pic.svg.txt\"") && page.contains("src=\"raw/assets/logo.png\""))
        let source = try #require(site.text(skill + "files/assets/page.html.html"))
        #expect(source.contains("&lt;script&gt;alert(&#39;page&#39;)&lt;/script&gt;"))
        #expect(source.contains("href=\"../../raw/assets/page.html.txt\""))
        #expect(site.text(skill + "raw/assets/page.html.txt") == "<script>alert('page')</script>\n")
        #expect(site.text(skill + "raw/page.html.txt.txt") == "twin\n")
        #expect(site.data(skill + "raw/data.bin.txt") == Data([0, 1, 2, 0x3C]))
        #expect(site.data(skill + "files/data.bin.html") == nil, "a binary file gets no text page")
        let active = ["html", "htm", "svg", "xml", "xhtml", "js", "pdf"]
        for path in site.paths where path.hasPrefix(skill) {
            let suffix = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
            if suffix == "html" {
                // Pages the site writes: the skill's, files' views (`files/`), Markdown sources (`source/`).
                #expect(path == skill + "index.html" || path.hasPrefix(skill + "files/") || path.hasPrefix(skill + "source/"), "\(path)")
            } else {
                #expect(!active.contains(suffix), "\(path) would run in a browser")
            }
        }
    }

    @Test("a file linked many times is read and rendered once per page; fragments are kept")
    func linkedOnce() throws {
        let fixture = try hostileFixture()
        let manifest = try ManifestStore.load(fixture.workspace.manifestURL)
        let input = try SiteInput.load(workspace: fixture.workspace, manifest: manifest)
        let context = Site(theme: try Theme.load()).makeContext(input)
        let skill = try #require(input.skills.first { $0.entry.name == "pdf" })
        let link = #"<a href="scripts/run.js">x</a>"#
        let html = String(repeating: link, count: 500) + #"<a href="scripts/run.js#L1">y</a><img src="scripts/run.js">"#
            + #"<a href="nope.sh#x">z</a>"#
        let (out, extras) = SkillLinks(skill, context: context).rewrite(html, sourceFolder: "", pagePath: skill.pagePath)
        #expect(extras.map(\.path) == ["skills/acme/pdf/files/scripts/run.js.html", "skills/acme/pdf/raw/scripts/run.js.txt"])
        #expect(out.components(separatedBy: #"href="files/scripts/run.js.html""#).count == 501)
        #expect(out.contains(#"href="files/scripts/run.js.html#L1""#))
        #expect(out.contains(#"src="raw/scripts/run.js.txt""#))
        #expect(out.contains(#"href="index.html#files-heading""#))
    }

    @Test("text pages are for UTF-8 without control characters; anything else is only copied")
    func textDetection() {
        #expect(SourcePage.text(of: Data("a\tb\r\n\u{0C}é<".utf8)) == "a\tb\r\n\u{0C}é<")
        #expect(SourcePage.text(of: Data([0x61, 0x00])) == nil)
        #expect(SourcePage.text(of: Data("esc \u{1B}[31m".utf8)) == nil)
        #expect(SourcePage.text(of: Data("c1 \u{85}".utf8)) == nil)
        #expect(SourcePage.text(of: Data([0xFF, 0xFE, 0x61])) == nil)
        #expect(SourcePage.text(of: Data(repeating: 0x61, count: SourcePage.maxBytes + 1)) == nil)
    }

    @Test("every page carries the Content-Security-Policy and no inline script")
    func policyOnEveryPage() throws {
        let (site, _) = try hostileFixture().build()
        // Style attributes only by hash: the three alignments of table cells the renderer writes.
        // (`MarkdownRenderer.inlineStyles`; test_site_truth.py checks the hashes and the alignment in Chromium).
        let hashes = ["'sha256-6l+tpow5lGPV0MHWZlDv8nD7HrL77FGFldqQ7zc5gxY='", "'sha256-Y9v1MZrln1N8aPBY5lmpxYKwFkcp/nyBMMEnn7WFjuw='",
                      "'sha256-i0JPB0qmRu5AViJTxOIzqXnfGoiWFw+oNAm4uJd7ZQk='"]
        let policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; img-src 'self' https:; "
            + "script-src 'self'; style-src 'self'; style-src-attr 'unsafe-hashes' " + hashes.joined(separator: " ")
            + "; object-src 'none'; base-uri 'none'; form-action 'self'\">"
        let pages = site.paths.filter { $0.hasSuffix(".html") }
        #expect(pages.count > 10)
        for path in pages {
            let text = try #require(site.text(path))
            #expect(text.contains(policy), "\(path)")
            // Every script element loads a file the site ships.
            var rest = text[...]
            while let open = rest.range(of: "<script") {
                let tag = rest[open.lowerBound...].prefix { $0 != ">" }
                #expect(tag.contains(" src=\""), "\(path): \(tag)")
                rest = rest[open.upperBound...]
            }
        }
        let report = try #require(EmbeddedTheme.files["templates/report.mustache"])
        #expect(report.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"))
    }

    // MARK: - Numbers

    @Test("scores and chart numbers beyond Int are printed, not a trap")
    func hugeNumbers() {
        #expect(Formatting.score(82.5) == "82.5" && Formatting.score(82) == "82")
        #expect(Formatting.score(1e300)?.count == 301)
        #expect(Formatting.score(-9.3e18) == "-9300000000000000000")
        #expect(Formatting.score(.infinity) == nil)
        #expect(ChartModel.number(1e300).count == 301)
        #expect(ChartModel.number(.nan) == "nan")
        _ = BarChart.make(id: "b", title: "t", yLabel: "y", labels: ["a", "b"], values: [1e300, -1e300])
        _ = LineChart.make(id: "l", title: "t", yLabel: "y", points: [
            LineChart.Point(x: 0, label: "a", detail: "a", value: Double.greatestFiniteMagnitude),
            LineChart.Point(x: 1e300, label: "b", detail: "b", value: -1e300),
        ])
        _ = BarChart.daily(id: "d", title: "t", yLabel: "y", days: [0, 3], labels: ["a", "b"], values: [1e300, 2])
    }

    @Test("an event log with measurements beyond Int builds the home page and dashboard")
    func hugeEventMeasurements() throws {
        let fixture = try SiteFixture(stageFiles: true)
        try fixture.write(".skillex/events.jsonl", """
            {"type": "anomaly.spike", "time": "2025-10-01T00:00:01Z", "run_id": "r1", "measurements": {"count": 1e300}}
            {"type": "packaged", "time": "2025-10-02T00:00:01Z", "run_id": "r2", "measurements": {"skills": 1e300}}
            {"type": "packaged", "time": "2025-10-03T00:00:01Z", "run_id": "r3", "measurements": {"skills": -1e300}}

            """)
        try fixture.write(".skillex/scorecards.json", """
            {"threshold": 1e300, "skills": [{"repo": "acme", "skill": "pdf", "score": 1e300, "gate": "admitted"}]}
            """)
        let (site, _) = try fixture.build()
        let dashboard = try #require(site.text("dashboard.html"))
        #expect(dashboard.contains("count 1000000000000000052504760255204420"))
        #expect(site.text("index.html") != nil)
    }
}
