import Foundation
import SkillEx
import Testing

@testable import SkillExSite

/// The Agent Skills Discovery index: which skills it lists, how, and that it is reproducible.
@Suite("Discovery index")
struct DiscoveryIndexTests {
    /// A hub with an archive skill, a SKILL.md-only skill, a refused one, a name collision, an
    /// unscored one and one whose name the RFC refuses.
    static func hub(siteURL: String? = nil) throws -> SiteFixture {
        let fixture = try SiteFixture()
        func skill(_ repo: String, _ name: String) throws {
            try fixture.write("skills/\(repo)/\(name)/SKILL.md", "---\nname: \(name)\ndescription: \(name) of \(repo)\n---\n# \(name)\n")
        }
        try skill("acme", "solo")
        try skill("acme", "risky")
        try skill("zeta", "pdf")
        try skill("acme", "unscored")
        try skill("acme", "Bad_Name")
        let site = siteURL.map { #", "site": {"url": "\#($0)"}"# } ?? ""
        func entry(_ repo: String, _ name: String) -> String {
            #"{"name": "\#(name)", "source_repo": "\#(repo)", "target_path": "skills/\#(repo)/\#(name)", "checksum": "c", "packaged_at": "2025-10-02T00:00:00Z", "description": "\#(name) of \#(repo)"}"#
        }
        let entries = [("acme", "pdf"), ("acme", "solo"), ("acme", "risky"), ("zeta", "pdf"), ("acme", "unscored"), ("acme", "Bad_Name"), ("acme", "evil")]
            .map(entry).joined(separator: ",\n")
        try fixture.write("manifest.json", """
            {"version": 2, "repositories": [{"name": "zeta", "path": "r/z"}, {"name": "acme", "path": "r/a"}]\(site),
             "skills": [\(entries)]}
            """)
        func card(_ repo: String, _ name: String, _ gate: String) -> String {
            #"{"repo": "\#(repo)", "skill": "\#(name)", "score": 80, "gate": "\#(gate)"}"#
        }
        let cards = [card("acme", "pdf", "admitted"), card("acme", "solo", "approved"), card("acme", "risky", "refused"),
                     card("zeta", "pdf", "admitted"), card("acme", "Bad_Name", "admitted")].joined(separator: ",")
        try fixture.write(".skillex/scorecards.json", #"{"threshold": 70, "skills": [\#(cards)]}"#)
        try fixture.write("skills/zeta/pdf/scripts/run.sh", "#!/bin/sh\necho hi\n")
        _ = chmod(fixture.root.appendingPathComponent("skills/zeta/pdf/scripts/run.sh").path, 0o755)
        return fixture
    }

    static func write(_ fixture: SiteFixture, into site: URL) throws -> (DiscoveryReport, [String: Any]) {
        let manifest = try ManifestStore.load(fixture.workspace.manifestURL)
        let input = try SiteInput.load(workspace: fixture.workspace, manifest: manifest)
        let report = try DiscoveryIndex.write(input: input, site: site)
        let data = try Data(contentsOf: site.appendingPathComponent(".well-known/agent-skills/index.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (report, json)
    }

    static func temp() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("skillex-discovery-\(UUID().uuidString)")
    }

    @Test("admitted and approved skills are listed with their type, relative URL and artifact digest; the rest are not")
    func entries() throws {
        let fixture = try Self.hub()
        let site = Self.temp()
        let (report, json) = try Self.write(fixture, into: site)
        #expect(json["$schema"] as? String == DiscoveryIndex.schema)
        let skills = try #require(json["skills"] as? [[String: String]])
        #expect(skills.map { $0["name"] ?? "" } == ["pdf", "solo"])
        let pdf = skills[0]
        let solo = skills[1]
        #expect(pdf["type"] == "archive" && pdf["url"] == "pdf.zip" && pdf["description"] == "pdf of zeta")
        #expect(solo["type"] == "skill-md" && solo["url"] == "solo/SKILL.md" && solo["description"] == "solo of acme")
        for skill in skills {
            let bytes = try Data(contentsOf: site.appendingPathComponent(".well-known/agent-skills/" + (skill["url"] ?? "")))
            #expect(skill["digest"] == "sha256:" + Digest.sha256Hex(bytes))
        }
        let soloBytes = try Data(contentsOf: fixture.root.appendingPathComponent("skills/acme/solo/SKILL.md"))
        #expect(try Data(contentsOf: site.appendingPathComponent(".well-known/agent-skills/solo/SKILL.md")) == soloBytes)
        // zeta comes first in the manifest's repositories, so its pdf wins; acme's is named in a warning.
        #expect(report.warnings.contains("acme/pdf: not in the discovery index: the name is taken by zeta/pdf"))
        #expect(report.warnings.contains { $0.hasPrefix("acme/Bad_Name: not in the discovery index") })
        #expect(report.skills == 2)
    }

    @Test("the zip holds the skill's files at its root with their modes and bytes")
    func archiveLayout() throws {
        let fixture = try Self.hub()
        try fixture.write("manifest.json", String(decoding: try Data(contentsOf: fixture.root.appendingPathComponent("manifest.json")), as: UTF8.self)
            .replacingOccurrences(of: #"{"name": "zeta", "path": "r/z"}, "#, with: "") + "")
        let site = Self.temp()
        _ = try Self.write(fixture, into: site)
        let zip = try ZipReader(data: try Data(contentsOf: site.appendingPathComponent(".well-known/agent-skills/pdf.zip")), label: "pdf.zip")
        // acme's pdf wins once zeta is no longer a manifest repository (unlisted ones rank last).
        #expect(zip.entries.map(\.name) == ["SKILL.md", "references/guide.md"])
        #expect(zip.entries.allSatisfy { !$0.isSymlink && !$0.isExecutable })
        let skillMD = try #require(zip.entries.first)
        #expect(try zip.contents(of: skillMD) == Data(contentsOf: fixture.root.appendingPathComponent("skills/acme/pdf/SKILL.md")))
    }

    @Test("archives are byte-identical across builds and an unchanged hub rewrites nothing")
    func reproducible() throws {
        let fixture = try Self.hub()
        let first = Self.temp()
        let second = Self.temp()
        let (written, _) = try Self.write(fixture, into: first)
        #expect(written.written == 3)
        let (again, _) = try Self.write(fixture, into: first)
        #expect(again.written == 0 && again.removed == 0)
        _ = try Self.write(fixture, into: second)
        let a = try Data(contentsOf: first.appendingPathComponent(".well-known/agent-skills/pdf.zip"))
        let b = try Data(contentsOf: second.appendingPathComponent(".well-known/agent-skills/pdf.zip"))
        #expect(a == b)
        let zip = try ZipReader(data: a, label: "pdf.zip")
        #expect(zip.entries.first { $0.name == "scripts/run.sh" }?.isExecutable == true)
    }

    @Test("a skill that stops being admitted loses its artifact")
    func staleRemoved() throws {
        let fixture = try Self.hub()
        let site = Self.temp()
        _ = try Self.write(fixture, into: site)
        let cards = #"{"repo": "zeta", "skill": "pdf", "score": 80, "gate": "admitted"}"#
        try fixture.write(".skillex/scorecards.json", #"{"threshold": 70, "skills": [\#(cards)]}"#)
        let (report, json) = try Self.write(fixture, into: site)
        #expect((json["skills"] as? [[String: String]])?.map { $0["name"] ?? "" } == ["pdf"])
        #expect(report.removed == 1)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(".well-known/agent-skills/solo").path))
    }

    @Test("with site.url the URLs are absolute")
    func absoluteURLs() throws {
        let (_, json) = try Self.write(try Self.hub(siteURL: "https://skills.example.com/hub/"), into: Self.temp())
        let urls = (json["skills"] as? [[String: String]])?.map { $0["url"] ?? "" }
        #expect(urls == ["https://skills.example.com/hub/.well-known/agent-skills/pdf.zip",
                         "https://skills.example.com/hub/.well-known/agent-skills/solo/SKILL.md"])
    }

    @Test("names and archive paths follow the RFC's rules")
    func rules() {
        #expect(DiscoverySelection.nameProblem("pdf-tools") == nil)
        for bad in ["", "Pdf", "-pdf", "pdf-", "a--b", "pdf_x", String(repeating: "a", count: 65)] {
            #expect(DiscoverySelection.nameProblem(bad) != nil, "\(bad)")
        }
        #expect(DiscoveryArtifact.pathProblem("scripts/run.sh") == nil)
        for bad in ["/etc/passwd", "../x", "a/../b", "a//b", "a\\b", "./a", "a\u{1}b"] {
            #expect(DiscoveryArtifact.pathProblem(bad) != nil, "\(bad)")
        }
    }
}

/// `skillex serve` serves the discovery index, and still no other dot path.
@Suite("Discovery index over the preview server")
struct DiscoveryServeTests {
    @Test("a leading .well-known is served; other dot segments are still refused")
    func wellKnownOnly() {
        #expect(PreviewResponder.segments("/.well-known/agent-skills/index.json") == [".well-known", "agent-skills", "index.json"])
        #expect(PreviewResponder.segments("/skills/.well-known/x") == nil)
        #expect(PreviewResponder.segments("/.git/config") == nil)
        #expect(PreviewResponder.segments("/.well-known/.hidden") == nil)
        #expect(PreviewResponder.segments("/%2Ewell-known/../x") == nil)
    }
}

/// The cache that spares unchanged skills: it is used only while the artifact is as written.
@Suite("Discovery cache")
struct DiscoveryCacheTests {
    @Test("an artifact edited on disk is rebuilt even though the skill did not change")
    func editedArtifactRebuilt() throws {
        let fixture = try DiscoveryIndexTests.hub()
        let site = DiscoveryIndexTests.temp()
        _ = try DiscoveryIndexTests.write(fixture, into: site)
        let solo = site.appendingPathComponent(".well-known/agent-skills/solo/SKILL.md")
        let original = try Data(contentsOf: solo)
        try Data("tampered".utf8).write(to: solo)
        let (report, json) = try DiscoveryIndexTests.write(fixture, into: site)
        #expect(report.written == 1)
        #expect(try Data(contentsOf: solo) == original)
        let digest = (json["skills"] as? [[String: String]])?.first { $0["name"] == "solo" }?["digest"]
        #expect(digest == "sha256:" + Digest.sha256Hex(original))
    }

    @Test("an index.json edited or removed on disk is written again though nothing it lists changed")
    func editedIndexRewritten() throws {
        let fixture = try DiscoveryIndexTests.hub()
        let site = DiscoveryIndexTests.temp()
        let index = site.appendingPathComponent(".well-known/agent-skills/index.json")
        _ = try DiscoveryIndexTests.write(fixture, into: site)
        let original = try Data(contentsOf: index)
        #expect(try DiscoveryIndexTests.write(fixture, into: site).0.written == 0)
        try Data("{}".utf8).write(to: index)
        #expect(try DiscoveryIndexTests.write(fixture, into: site).0.written == 1)
        #expect(try Data(contentsOf: index) == original)
        try FileManager.default.removeItem(at: index)
        #expect(try DiscoveryIndexTests.write(fixture, into: site).0.written == 1)
        #expect(try Data(contentsOf: index) == original)
    }

    @Test("the cache reads back what it wrote; a damaged cache reads as empty")
    func cacheRoundTrip() throws {
        var cache = DiscoveryCache()
        cache.records["a"] = .init(key: "k", type: "archive", relativePath: "a/a.zip", digest: "sha256:d", size: -1, modified: 1_796_231_458_381_236_921)
        cache.index = .init(key: "i", size: 10, modified: 5)
        let url = DiscoveryIndexTests.temp().appendingPathExtension("json")
        try cache.data().write(to: url)
        let loaded = DiscoveryCache.load(url)
        // The tree built by hand gives the bytes the encoder gives, with and without the stamp,
        // for names and fields that need escaping too.
        #expect(cache.data() == (try JSONWriter.data(cache)))
        var other = cache
        other.index = nil
        other.records["b/\"c\"\u{1}é"] = .init(key: "k\n", type: "file", relativePath: "x/y.md", digest: "", size: 0, modified: -5)
        #expect(other.data() == (try JSONWriter.data(other)))
        #expect(DiscoveryCache().data() == (try JSONWriter.data(DiscoveryCache())))
        #expect(loaded.records == cache.records && loaded.index == cache.index)
        try Data(#"{"records":{"a":{"key":"k"}}}"#.utf8).write(to: url)
        #expect(DiscoveryCache.load(url).records.isEmpty)
        // Written before the index stamp existed: records kept, no stamp.
        try Data(#"{"records":{"a":{"key":"k","type":"archive","relativePath":"a/a.zip","digest":"sha256:d","size":-1,"modified":7}}}"#.utf8)
            .write(to: url)
        let old = DiscoveryCache.load(url)
        #expect(old.records["a"]?.modified == 7 && old.records["a"]?.size == -1 && old.index == nil)
    }

    @Test("the index key changes with any listed field")
    func indexKey() {
        let entry = DiscoveryEntry(name: "a", type: "skill-md", description: "d", url: "a/SKILL.md", digest: "sha256:1")
        var moved = entry
        moved.digest = "sha256:2"
        let schema = "https://schemas.agentskills.io/discovery/0.2.0/schema.json"
        #expect(DiscoveryCache.indexKey(schema: schema, entries: [entry]) == DiscoveryCache.indexKey(schema: schema, entries: [entry]))
        #expect(DiscoveryCache.indexKey(schema: schema, entries: [entry]) != DiscoveryCache.indexKey(schema: schema, entries: [moved]))
        #expect(DiscoveryCache.indexKey(schema: schema, entries: [entry]) != DiscoveryCache.indexKey(schema: "x", entries: [entry]))
    }

    @Test("a changed skill gets a new artifact and digest")
    func changedSkill() throws {
        let fixture = try DiscoveryIndexTests.hub()
        let site = DiscoveryIndexTests.temp()
        let (_, before) = try DiscoveryIndexTests.write(fixture, into: site)
        try fixture.write("skills/acme/solo/SKILL.md", "---\nname: solo\ndescription: solo of acme\n---\n# Solo, longer now\n")
        let manifest = try String(contentsOf: fixture.root.appendingPathComponent("manifest.json"), encoding: .utf8)
        try fixture.write("manifest.json", manifest.replacingOccurrences(
            of: #""name": "solo", "source_repo": "acme", "target_path": "skills/acme/solo", "checksum": "c""#,
            with: #""name": "solo", "source_repo": "acme", "target_path": "skills/acme/solo", "checksum": "c2""#))
        let (report, after) = try DiscoveryIndexTests.write(fixture, into: site)
        #expect(report.written == 2)  // the artifact and the index
        func digest(_ json: [String: Any]) -> String? {
            (json["skills"] as? [[String: String]])?.first { $0["name"] == "solo" }?["digest"]
        }
        #expect(digest(before) != digest(after))
        let bytes = try Data(contentsOf: site.appendingPathComponent(".well-known/agent-skills/solo/SKILL.md"))
        #expect(digest(after) == "sha256:" + Digest.sha256Hex(bytes))
    }
}
