import Foundation
import SkillEx
import Testing

@testable import SkillExSite

@Suite("Incremental site builds")
struct IncrementalTests {
    private func build(_ fixture: SiteFixture, at seconds: Double, into publisher: some SitePublisher) throws -> SiteReport {
        let workspace = Workspace(root: fixture.root, clock: .fixed(Date(timeIntervalSince1970: seconds)))
        let manifest = try ManifestStore.load(workspace.manifestURL)
        let input = try SiteInput.load(workspace: workspace, manifest: manifest)
        return try Site(theme: Theme.load()).build(input: input, publisher: publisher)
    }

    private func disk(_ fixture: SiteFixture, verifyAll: Bool = false) -> DiskPublisher {
        DiskPublisher(
            folder: fixture.root.appendingPathComponent("public"),
            hashesURL: fixture.root.appendingPathComponent(".skillex/site-hashes.tsv"), verifyAll: verifyAll)
    }

    private func files(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = folder.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? .init()
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            out[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return out
    }

    @Test("hash records round-trip, sorted, skipping malformed lines")
    func recordFile() {
        let records = [
            "b/index.html": PageRecord(hash: "h2", key: "k2"),
            "a.html": PageRecord(hash: "h1", key: nil),
        ]
        let data = PageRecordFile.encode(records)
        #expect(String(decoding: data, as: UTF8.self) == "h1\t-\ta.html\nh2\tk2\tb/index.html\n")
        #expect(PageRecordFile.decode(data).records == records)
        let damaged = Data("h1\t-\ta.html\ngarbage\n\t\t\nh3\tk3\n".utf8)
        #expect(PageRecordFile.decode(damaged).records == ["a.html": PageRecord(hash: "h1", key: nil)])
        // Appended lines replace earlier ones; a last line without its newline was cut short.
        let appended = PageRecordFile.decode(Data("h1\t-\ta.html\nh9\tk9\ta.html\nh2\tk2\tb".utf8))
        #expect(appended.records == ["a.html": PageRecord(hash: "h9", key: "k9")])
        #expect(appended.lines == 2)
        // A removal line drops the page; a later line brings it back.
        let removals = PageRecordFile.removals(["b/index.html", "bad\tpath"])
        #expect(String(decoding: removals, as: UTF8.self) == "-\t-\tb/index.html\n")
        #expect(PageRecordFile.decode(data + removals).records == ["a.html": PageRecord(hash: "h1", key: nil)])
        #expect(PageRecordFile.decode(data + removals + Data("h4\tk4\tb/index.html\n".utf8)).records["b/index.html"]
            == PageRecord(hash: "h4", key: "k4"))
    }

    @Test("a stamped template fills every marker and keeps the rest byte for byte")
    func stampFill() {
        let template = StampedTemplate(key: "k", marker: "MARK", bytes: Data("<p>Built MARK.</p>MARKMARK é".utf8))
        #expect(String(decoding: template.filled(with: "2025-10-03T12:00:00Z"), as: UTF8.self)
            == "<p>Built 2025-10-03T12:00:00Z.</p>2025-10-03T12:00:00Z2025-10-03T12:00:00Z é")
        #expect(StampedTemplate.decode(template.encoded) == template)
        #expect(StampedTemplate.canStamp("2025-10-03T12:00:00Z"))
        #expect(!StampedTemplate.canStamp("<b>"))
    }

    @Test("a later build reuses the home and dashboard templates and gives a fresh build's bytes")
    func stampedPagesMatchFreshBuild() throws {
        let fixture = try SiteFixture(stageFiles: true)
        let publisher = disk(fixture)
        _ = try build(fixture, at: 1_759_500_000, into: publisher)
        let later = try build(fixture, at: 1_759_600_000, into: disk(fixture))
        #expect(later.rendered == 0)
        let fresh = MemoryPublisher()
        _ = try build(fixture, at: 1_759_600_000, into: fresh)
        let onDisk = try files(fixture.root.appendingPathComponent("public"))
        #expect(Set(onDisk.keys) == Set(fresh.paths))
        for path in fresh.paths { #expect(onDisk[path] == fresh.data(path), "\(path)") }
        let home = String(decoding: onDisk["index.html"] ?? Data(), as: UTF8.self)
        #expect(home.contains(Timestamp.string(Date(timeIntervalSince1970: 1_759_600_000))))
        #expect(!home.contains("skillexstamp"))
    }

    @Test("editing a skill renders only its pages; a new event renders the home page and dashboard")
    func whatARebuildRenders() throws {
        let fixture = try SiteFixture(stageFiles: true)
        _ = try build(fixture, at: 1_759_500_000, into: disk(fixture))
        let index = fixture.root.appendingPathComponent("public/search")
        let indexBefore = try files(index)
        try fixture.write("skills/acme/pdf/SKILL.md", """
            ---
            name: pdf
            description: Builds PDF reports from Markdown tables.
            ---
            # PDF

            Edited.
            """)
        try resync(fixture, "c1", as: "c1-edited")
        let edited = try build(fixture, at: 1_759_500_000, into: disk(fixture))
        // Its page and its guide's page, plus home and dashboard, which show its manifest entry,
        // `search-index.js` and the index files whose content changed (each is a page of its own).
        let indexAfter = try files(index)
        let changed = Set(indexBefore.keys).union(indexAfter.keys).filter { indexBefore[$0] != indexAfter[$0] }
        #expect(!changed.isEmpty && changed.count < indexAfter.count)
        #expect(edited.rendered == 5 + changed.count)
        let page = try String(contentsOf: fixture.root.appendingPathComponent("public/skills/acme/pdf/index.html"), encoding: .utf8)
        #expect(page.contains("Edited."))
        let log = fixture.root.appendingPathComponent(".skillex/events.jsonl")
        let events = try Data(contentsOf: log) + Data([10]) + Data(#"{"type": "anomaly.drop", "time": "2025-10-02T00:00:00Z", "run_id": "r2", "metadata": {"message": "drop!"}}"#.utf8 + [10])
        try events.write(to: log)
        let withEvent = try build(fixture, at: 1_759_500_000, into: disk(fixture))
        #expect(withEvent.rendered == 2)
        let dashboard = try String(contentsOf: fixture.root.appendingPathComponent("public/dashboard.html"), encoding: .utf8)
        #expect(dashboard.contains("anomaly.drop"))
    }

    /// Stands in for `skillex sync` after an edit: gives the skill a new manifest checksum.
    private func resync(_ fixture: SiteFixture, _ checksum: String, as new: String) throws {
        let text = try String(contentsOf: fixture.workspace.manifestURL, encoding: .utf8)
        try fixture.write("manifest.json", text.replacingOccurrences(of: "\"\(checksum)\"", with: "\"\(new)\""))
    }

    @Test("an unchanged checksum means an unchanged skill: skills/ is sync's output and is not listed again")
    func unchangedSkillIsNotListedAgain() throws {
        let fixture = try SiteFixture(stageFiles: true)
        _ = try build(fixture, at: 1_759_500_000, into: disk(fixture))
        let page = fixture.root.appendingPathComponent("public/skills/acme/pdf/index.html")
        let before = try Data(contentsOf: page)
        // A file added behind sync's back, and a folder that cannot be listed any more: the
        // checksum did not change, so neither is looked at.
        try fixture.write("skills/acme/pdf/notes.txt", "added by hand\n")
        let evil = fixture.root.appendingPathComponent("skills/acme/evil")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: evil.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: evil.path) }
        let again = try build(fixture, at: 1_759_500_000, into: disk(fixture))
        #expect(again.rendered == 0)
        #expect(try Data(contentsOf: page) == before)
        let input = try SiteInput.load(workspace: fixture.workspace, manifest: ManifestStore.load(fixture.workspace.manifestURL))
        #expect(!input.skills.isEmpty && input.skills.allSatisfy { (try? $0.files.get()) != nil })
        // Once sync records a new checksum, the skill is listed again and its page shows the file.
        try resync(fixture, "c1", as: "c1-resynced")
        let resynced = try build(fixture, at: 1_759_500_000, into: disk(fixture))
        #expect(resynced.rendered >= 1)
        #expect(try String(contentsOf: page, encoding: .utf8).contains("notes.txt"))
        #expect(try !Data(contentsOf: page).elementsEqual(before))
    }

    @Test("a skill folder that is gone is listed again even when its checksum is unchanged")
    func missingFolderIsListed() throws {
        let fixture = try SiteFixture(stageFiles: true)
        _ = try build(fixture, at: 1_759_500_000, into: disk(fixture))
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("skills/acme/pdf"))
        let input = try SiteInput.load(workspace: fixture.workspace, manifest: ManifestStore.load(fixture.workspace.manifestURL))
        let pdf = input.skills.first { $0.entry.name == "pdf" }
        #expect((try? pdf?.files.get()) == nil)
    }

    @Test("skill listings round-trip and damaged lines are dropped")
    func listingCacheFile() {
        var cache = SkillListingCache()
        cache.listings["skills/a/b"] = .init(checksum: "c", files: [
            .init(relativePath: "SKILL.md", size: 12, isExecutable: false, source: nil),
            .init(relativePath: "scripts/run.sh", size: 3, isExecutable: true, source: "/elsewhere/run.sh"),
        ])
        cache.listings["skills/a/empty"] = .init(checksum: "d", files: [])
        let decoded = SkillListingCache.decode(cache.encode())
        #expect(decoded.listings == cache.listings)
        let damaged = SkillListingCache.decode(Data("skills/x\tc\tnot-a-size\t-\ta\t\nskills/y\n".utf8))
        #expect(damaged.listings.isEmpty)
    }

    @Test("a page deleted from the site folder is written again")
    func deletedPageComesBack() throws {
        let fixture = try SiteFixture(stageFiles: true)
        _ = try build(fixture, at: 1_759_500_000, into: disk(fixture))
        let page = fixture.root.appendingPathComponent("public/skills/acme/pdf/index.html")
        let bytes = try Data(contentsOf: page)
        try FileManager.default.removeItem(at: page.deletingLastPathComponent())
        let again = try build(fixture, at: 1_759_500_000, into: disk(fixture))
        #expect(again.written >= 1)
        #expect(try Data(contentsOf: page) == bytes)
    }

    @Test("a skill's page deleted alone brings back its group; a file deleted inside comes back with verifyAll")
    func deletedFilesInsideASkill() throws {
        let fixture = try SiteFixture(stageFiles: true)
        _ = try build(fixture, at: 1_759_500_000, into: disk(fixture))
        let head = fixture.root.appendingPathComponent("public/skills/acme/pdf/index.html")
        let inner = fixture.root.appendingPathComponent("public/skills/acme/pdf/files/references/guide.md.html")
        let headBytes = try Data(contentsOf: head)
        let innerBytes = try Data(contentsOf: inner)

        // The page alone: the group is written again, and the file beside it stays as it was.
        try FileManager.default.removeItem(at: head)
        let again = try build(fixture, at: 1_759_500_000, into: disk(fixture))
        #expect(again.written == 1)
        #expect(try Data(contentsOf: head) == headBytes)

        // A file inside the skill's folder: a plain rebuild trusts the record, a verifying one
        // writes it back.
        try FileManager.default.removeItem(at: inner)
        _ = try build(fixture, at: 1_759_500_000, into: disk(fixture))
        #expect(!FileManager.default.fileExists(atPath: inner.path))
        let verified = try build(fixture, at: 1_759_500_000, into: disk(fixture, verifyAll: true))
        #expect(verified.written == 1)
        #expect(try Data(contentsOf: inner) == innerBytes)
    }

    @Test("a skill gone from the manifest takes its pages and its emptied folders with it")
    func removedSkillLeavesNoFolders() throws {
        let fixture = try SiteFixture(stageFiles: true)
        _ = try build(fixture, at: 1_759_500_000, into: disk(fixture))
        let site = fixture.root.appendingPathComponent("public/skills/acme")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("pdf/files").path))
        var manifest = try ManifestStore.load(fixture.root.appendingPathComponent("manifest.json"))
        manifest.skills.removeAll { $0.name == "pdf" }
        try ManifestStore.save(manifest, to: fixture.root.appendingPathComponent("manifest.json"))
        let again = try build(fixture, at: 1_759_500_000, into: disk(fixture))
        #expect(again.removed >= 2)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("pdf").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("evil/index.html").path))
        // The record says so in lines appended to it (not a rewrite), and the next build agrees.
        let hashes = try Data(contentsOf: fixture.root.appendingPathComponent(".skillex/site-hashes.tsv"))
        #expect(String(decoding: hashes, as: UTF8.self).contains("-\t-\tskills/acme/pdf/index.html\n"))
        #expect(!PageRecordFile.decode(hashes).records.keys.contains { $0.hasPrefix("skills/acme/pdf/") })
        let third = try build(fixture, at: 1_759_500_000, into: disk(fixture))
        #expect(third.removed == 0)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("pdf").path))
    }
}
