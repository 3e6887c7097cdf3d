import Foundation
import SkillEx
import Testing

@testable import SkillExSite

/// The reviewer's skill page (issue #19): verdict with the approve command, findings grouped by
/// rule linking to numbered, coloured file views, the file tree, install snippets, and the home
/// page's summary strip with problems first.
@Suite("Reviewer pages")
struct ReviewerPageTests {
    private func fixture() throws -> SiteFixture {
        let fixture = try SiteFixture(stageFiles: true)
        try fixture.write("skills/acme/pdf/scripts/run.py", "import os\n# <script>alert(1)</script>\nprint(\"</pre>\")\n")
        try fixture.write("skills/acme/pdf/assets/blob.bin", "a\u{0}b")
        try fixture.write(".skillex/scorecards.json", """
            {"threshold": 70, "skills": [{"repo": "acme", "skill": "pdf", "score": 41, "gate": "refused",
              "components": [],
              "findings": [
                {"rule": "static.exec", "severity": "error", "message": "runs a shell", "remediation": "Use subprocess with a list.",
                 "file": "scripts/run.py", "line": 3},
                {"rule": "static.exec", "severity": "warning", "message": "imports os", "remediation": "Use subprocess with a list.",
                 "file": "scripts/run.py", "line": 1},
                {"rule": "body.long", "severity": "warning", "message": "long", "remediation": "Split it.", "file": "SKILL.md", "line": 7},
                {"rule": "refs.style", "severity": "note", "message": "heading", "remediation": "Use sentence case.",
                 "file": "references/guide.md", "line": 1}]},
             {"repo": "acme", "skill": "evil", "score": 90, "gate": "approved",
              "approval": {"by": "ana", "at": "2025-10-02T09:00:00Z", "reason": "known <false> positive", "checksum": "old", "score": 60}}]}
            """)
        return fixture
    }

    @Test("a refused skill's verdict says why and gives the exact approve command")
    func verdict() throws {
        let (site, _) = try fixture().build()
        let page = try #require(site.text("skills/acme/pdf/index.html"))
        #expect(page.contains("<section class=\"verdict bad\""))
        #expect(page.contains("Score 41 is below the gate threshold 70"))
        #expect(page.contains("<code class=\"language-sh\">skillex score --approve acme/pdf --by YOUR_NAME --reason &quot;why it should ship&quot;</code>"))
        #expect(page.contains("None on record."))
        let evil = try #require(site.text("skills/acme/evil/index.html"))
        #expect(evil.contains("<section class=\"verdict warn\""))
        #expect(evil.contains("but ana approved this version on 2025-10-02T09:00:00Z: known &lt;false&gt; positive"))
        #expect(evil.contains("<span class=\"badge none\">for an earlier version</span>"), "the approved checksum is not the current one")
        #expect(!evil.contains("--approve"))
    }

    @Test("findings are grouped by rule, worst first, with counts, fix and links to their lines")
    func findings() throws {
        let (site, _) = try fixture().build()
        let page = try #require(site.text("skills/acme/pdf/index.html"))
        let exec = try #require(page.range(of: "<code>static.exec</code> <span class=\"count\">2 ×</span>"))
        let long = try #require(page.range(of: "<code>body.long</code> <span class=\"count\">1 ×</span>"))
        #expect(exec.lowerBound < long.lowerBound, "the group holding an error comes first")
        #expect(page.contains("<details class=\"finding-group\" open>"))
        #expect(page.contains("<summary><span class=\"badge error\">error</span> <code>static.exec</code>"))
        #expect(page.contains("How to fix: Use subprocess with a list."))
        #expect(page.contains("runs a shell <a href=\"files/scripts/run.py.html#L3\">scripts/run.py:3</a>"))
        #expect(page.contains("long <a href=\"source/SKILL.md.html#L7\">SKILL.md:7</a>"))
        #expect(page.contains("heading <a href=\"source/references/guide.md.html#L1\">references/guide.md:1</a>"))
    }

    @Test("file views are escaped, coloured and numbered; the tree lists binaries with their SHA-256")
    func files() throws {
        let (site, _) = try fixture().build()
        let page = try #require(site.text("skills/acme/pdf/index.html"))
        #expect(page.contains("<li class=\"dir\"><span class=\"dir-name\">scripts/</span>"))
        #expect(page.contains("<a href=\"files/scripts/run.py.html\">run.py</a>"))
        #expect(page.contains("<a href=\"files/references/guide.md.html\">guide.md</a>"))
        let sha = Digest.sha256Hex(Data("a\u{0}b".utf8))
        #expect(page.contains("<span>blob.bin</span> <span class=\"muted\">3 B</span> <span class=\"muted\">SHA-256</span> <code class=\"hash\">\(sha)</code>"))
        #expect(site.text("skills/acme/pdf/files/assets/blob.bin.html") == nil)
        let view = try #require(site.text("skills/acme/pdf/files/scripts/run.py.html"))
        #expect(view.contains("<a class=\"ln\" id=\"L1\" href=\"#L1\">1</a><span class=\"hl-k\">import</span> os"))
        #expect(view.contains("<span class=\"hl-c\"># &lt;script&gt;alert(1)&lt;/script&gt;</span>"))
        #expect(view.contains("<span class=\"hl-s\">&quot;&lt;/pre&gt;&quot;</span>"))
        #expect(view.contains("href=\"../../raw/scripts/run.py.txt\""))
        #expect(site.text("skills/acme/pdf/raw/scripts/run.py.txt")?.hasPrefix("import os") == true)
        let source = try #require(site.text("skills/acme/pdf/source/SKILL.md.html"))
        #expect(source.contains("<a class=\"ln\" id=\"L7\" href=\"#L7\">7</a>"))
        #expect(source.contains("href=\"../index.html\">rendered page</a>"))
        #expect(site.text("skills/acme/evil/source/SKILL.md.html") == nil, "no finding points into it: no source view")
    }

    @Test("the page has a table of contents and install snippets")
    func contentsAndInstall() throws {
        let (site, _) = try fixture().build()
        let page = try #require(site.text("skills/acme/pdf/index.html"))
        #expect(page.contains("<nav class=\"toc page-toc\" aria-label=\"On this page\">"))
        #expect(page.contains("<a href=\"#findings-heading\">Findings (4)</a>"))
        #expect(page.contains("<li class=\"sub\"><a href=\"#usage\">Usage</a></li>"))
        #expect(page.contains("<span class=\"hl-k\">skillex</span>") || page.contains("skillex pull --from hub/dist"))
        #expect(page.contains("href=\"../../../index.html#pack-heading\""))
    }

    @Test("home and dashboard show the summary strip and problems first")
    func summary() throws {
        let (site, _) = try fixture().build()
        for path in ["index.html", "dashboard.html"] {
            let page = try #require(site.text(path))
            #expect(page.contains("<span class=\"value\">2</span> <span class=\"label\">skills</span>"), "\(path)")
            #expect(page.contains("<span class=\"value bad\">1</span> <span class=\"label\">refused</span>"), "\(path)")
            #expect(page.contains("<span class=\"label\">(+1 approved)</span>"), "\(path)")
            #expect(page.contains("<a href=\"skills/acme/pdf/index.html\">acme/pdf</a>"), "\(path)")
            #expect(page.contains("score 41 below the threshold 70"), "\(path)")
            #expect(page.contains("assets/table-tools.js"), "\(path)")
        }
        let home = try #require(site.text("index.html"))
        let problems = try #require(home.range(of: "problems-heading"))
        let skills = try #require(home.range(of: "skills-heading"))
        #expect(problems.lowerBound < skills.lowerBound)
        #expect(home.contains("<tr data-state=\"refused by gate\"><td data-label=\"Skill\">"))
    }
}
