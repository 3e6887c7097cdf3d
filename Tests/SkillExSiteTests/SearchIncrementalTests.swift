import Foundation
import SkillEx
import Testing

@testable import SkillExSite

@Suite("Search index, incremental")
struct SearchIncrementalTests {
    private func input(_ fixture: SiteFixture) throws -> SiteInput {
        try SiteInput.load(workspace: fixture.workspace, manifest: ManifestStore.load(fixture.workspace.manifestURL))
    }

    private func disk(_ fixture: SiteFixture) -> DiskPublisher {
        SiteBuildState(workspace: fixture.workspace).publisher()
    }

    private func text(_ fixture: SiteFixture, _ path: String) throws -> String {
        try String(contentsOf: fixture.root.appendingPathComponent("public/" + path), encoding: .utf8)
    }

    /// Stands in for `skillex sync` after an edit: gives the skill a new manifest checksum.
    private func resync(_ fixture: SiteFixture, _ checksum: String, as new: String) throws {
        let text = try String(contentsOf: fixture.workspace.manifestURL, encoding: .utf8)
        try fixture.write("manifest.json", text.replacingOccurrences(of: "\"\(checksum)\"", with: "\"\(new)\""))
    }

    @Test("counts encode by shard in sorted order, read back, and damaged sections are refused")
    func encoding() throws {
        let terms = SearchTerms(length: 5, counts: ["beta": 2, "alpha": 11, "9lives": 1, "été": 3])
        #expect(String(decoding: terms.encoded, as: UTF8.self) == "9=9lives 1\t_=été 3\ta=alpha 11\tb=beta 2")
        let read = try #require(SearchTerms(length: 5, encoded: terms.encoded))
        var seen: [String] = []
        for section in read.sections {
            read.forEachTerm(in: section.range) { seen.append("\(section.shard):\($0)=\($1)") }
        }
        #expect(seen == ["9:9lives=1", "_:été=3", "a:alpha=11", "b:beta=2"])
        #expect(SearchTerms(length: 0, encoded: [])?.sections.isEmpty == true)
        let widest = try #require(SearchTerms(length: 2, encoded: Array("a=a\u{1}b 123456789 ab 0".utf8)))
        #expect(widest.sections.map(\.range) == [2..<20])
        for damaged in [
            "a=alpha", "a=alpha x", "a=alpha 1 ", "a=alpha  1", "=alpha 1", "a=alpha 1\t", "a=alpha 1\tb=", "a=al=pha 1",
            "ab=alpha 1", "é=été 1", "==x 1", "a= alpha 1", "a=alpha 1234567890", "a=alpha 1 beta", "a=al\npha 1",
            "a=alpha 1 beta 2x", "a=alpha 1\tb=beta",
        ] {
            #expect(SearchTerms(length: 1, encoded: Array(damaged.utf8)) == nil, "\(damaged)")
        }
    }

    @Test("the index planned file by file is the all-at-once index, byte for byte")
    func sameAsAllAtOnce() throws {
        let fixture = try SiteFixture(stageFiles: true)
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        try fixture.write("skills/acme/pdf/references/guide.md", "# Guide\n\nUse **pdfplumber** to read tables. Écrire été.\n")
        let input = try input(fixture)
        let context = Site(theme: try Theme.load()).makeContext(input)
        let model = SearchIndexModel.make(context, indexKey: "k", cache: nil)
        let reference = SearchIndex.build(SearchDocument.all(input)).files()
        #expect(model.mainFile() == reference.main)
        #expect(model.pageKeys.map(\.path) == reference.extras.map(\.path))
        for file in reference.extras { #expect(model.file(file.path) == file.bytes, "\(file.path)") }
        #expect(reference.extras.count > 10)
    }

    @Test("a rebuild counts only the pages that changed: an unchanged skill's counts come from the cache")
    func unchangedPagesAreNotCountedAgain() throws {
        let fixture = try SiteFixture(stageFiles: true)
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        _ = try Site(theme: Theme.load()).build(input: input(fixture), publisher: disk(fixture))
        // A word written into `evil` behind sync's back (its checksum, so its fingerprint, stays),
        // and an edit of `pdf` that sync records.
        try fixture.write("skills/acme/evil/SKILL.md", "---\nname: evil\ndescription: x\n---\n# Evil\n\nZanzibarian notes.\n")
        try fixture.write("skills/acme/pdf/references/guide.md", "# Guide\n\nRead **this**, then quixotic.\n")
        try resync(fixture, "c1", as: "c1-edited")
        let report = try Site(theme: Theme.load()).build(input: input(fixture), publisher: disk(fixture))
        let q = try text(fixture, "search/t-q.js")
        #expect(q.contains("\"quixotic\":[1,1]"), "\(q)")
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("public/search/t-z.js").path))
        // Each index file is its own page: the edit renders the shard of its new word, not all of them.
        let searchFiles = try FileManager.default.contentsOfDirectory(atPath: fixture.root.appendingPathComponent("public/search").path)
        #expect(report.rendered < searchFiles.count)

        // Once sync sees the skill changed, its words are counted again.
        try resync(fixture, "c2", as: "c2-edited")
        _ = try Site(theme: Theme.load()).build(input: input(fixture), publisher: disk(fixture))
        #expect(try text(fixture, "search/t-z.js").contains("\"zanzibarian\":[0,1]"))
    }

    @Test("an index file deleted from the site comes back, though nothing else changed")
    func deletedIndexFileComesBack() throws {
        let fixture = try SiteFixture(stageFiles: true)
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        _ = try Site(theme: Theme.load()).build(input: input(fixture), publisher: disk(fixture))
        let shard = fixture.root.appendingPathComponent("public/search/t-p.js")
        let before = try Data(contentsOf: shard)
        let unchanged = try Site(theme: Theme.load()).build(input: input(fixture), publisher: disk(fixture))
        #expect(unchanged.rendered == 0)
        try FileManager.default.removeItem(at: shard)
        let again = try Site(theme: Theme.load()).build(input: input(fixture), publisher: disk(fixture))
        #expect(again.written == 1)
        #expect(try Data(contentsOf: shard) == before)
    }

    @Test("a secret in a skill's description is masked in the search data and llms.txt, though fingerprints use it as written")
    func descriptionSecretMasked() throws {
        let fixture = try SiteFixture(stageFiles: true)
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let token = ["gh", "p_"].joined() + "Zq8Lm2Wx7Rt4Yp9Kd3Fs6Hj1Nb5Vc0Gt2Mq8"
        let manifest = try String(contentsOf: fixture.workspace.manifestURL, encoding: .utf8)
        try fixture.write("manifest.json", manifest.replacingOccurrences(of: "\"Builds PDF reports\"", with: "\"Builds PDF reports with \(token)\""))
        _ = try Site(theme: Theme.load()).build(input: input(fixture), publisher: disk(fixture))
        let site = fixture.root.appendingPathComponent("public")
        var checked = 0
        for case let url as URL in FileManager.default.enumerator(at: site, includingPropertiesForKeys: nil) ?? .init()
        where url.lastPathComponent == "llms.txt" || url.path.contains("/search/") {
            #expect(try !String(decoding: Data(contentsOf: url), as: UTF8.self).contains(token), "\(url.lastPathComponent)")
            checked += 1
        }
        #expect(checked > 5)
        #expect(try text(fixture, "llms.txt").contains("Builds PDF reports with "))
    }

    @Test("a cache written by another version is ignored; the index comes out the same")
    func otherVersionIgnored() throws {
        let fixture = try SiteFixture(stageFiles: true)
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        _ = try Site(theme: Theme.load()).build(input: input(fixture), publisher: disk(fixture))
        let cacheURL = fixture.root.appendingPathComponent(".skillex/site-search-terms.tsv")
        let written = try String(contentsOf: cacheURL, encoding: .utf8)
        #expect(written.hasPrefix("skillex-search-terms \(SearchIndexPlan.version)\t"))
        #expect(written.split(separator: "\n").count >= 2 + 2 + 2 + 1)
        // Another version's counts would put "bogus" in the index if they were read.
        let cache = SearchTermCache(stateFolder: fixture.workspace.stateURL)
        #expect(cache.head() != nil)
        let other = written.replacingOccurrences(of: "skillex-search-terms \(SearchIndexPlan.version)", with: "skillex-search-terms 1")
            .replacingOccurrences(of: "pdf ", with: "bogus ")
        try Data(other.utf8).write(to: cacheURL)
        #expect(SearchTermCache(stateFolder: fixture.workspace.stateURL).head() == nil)
        try resync(fixture, "c1", as: "c1-edited")
        _ = try Site(theme: Theme.load()).build(input: input(fixture), publisher: disk(fixture))
        #expect(try !text(fixture, "search/t-b.js").contains("bogus"))
        try FileManager.default.removeItem(at: cacheURL)
        let fresh = try fixture.build().0
        for path in fresh.paths where path.hasPrefix("search") {
            #expect(try Data(contentsOf: fixture.root.appendingPathComponent("public/" + path)) == fresh.data(path), "\(path)")
        }
    }

    @Test("a shard's key hashes its members' sections in batches: the same digest as hashing them gathered whole")
    func shardKeyBatches() {
        // Pages whose sections in shard "t" add up to several batches.
        var counts: [String: Int] = [:]
        for n in 0..<900 { counts["term\(n)"] = n + 1 }
        let page = SearchTerms(length: 900, counts: counts)
        let terms = Array(repeating: page, count: 12)
        guard let section = page.sections.firstIndex(where: { $0.shard == "t" }) else {
            Issue.record("no section for shard t")
            return
        }
        let members = terms.indices.map { (doc: $0, section: section) }
        var whole = Array("search-shard-\(SearchIndexPlan.version)\u{0}t\u{0}".utf8)
        for (doc, n) in members { terms[doc].appendSection(n, numbered: doc, to: &whole) }
        #expect(whole.count > 2 * SearchIndexModel.shardKeyBatch)
        #expect(SearchIndexModel.shardKey("t", members: members, terms: terms) == Digest.sha256Hex(Data(whole)))
        // A different member list gives a different key.
        #expect(SearchIndexModel.shardKey("t", members: Array(members.dropLast()), terms: terms) != Digest.sha256Hex(Data(whole)))
    }
}
