import Foundation
import SkillEx
import Testing

@testable import SkillExSite

@Suite("Incremental site builds")
struct IncrementalTests {
    private func build(_ fixture: SiteFixture, at seconds: Double, into publisher: some SkillExSite.Publisher) throws -> SiteReport {
        let workspace = Workspace(root: fixture.root, clock: .fixed(Date(timeIntervalSince1970: seconds)))
        let manifest = try ManifestStore.load(workspace.manifestURL)
        let input = try SiteInput.load(workspace: workspace, manifest: manifest)
        return try Site(theme: Theme.load()).build(input: input, publisher: publisher)
    }

    private func disk(_ fixture: SiteFixture) -> DiskPublisher {
        DiskPublisher(
            folder: fixture.root.appendingPathComponent("public"),
            hashesURL: fixture.root.appendingPathComponent(".skillex/site-hashes.tsv"))
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
        try fixture.write("skills/acme/pdf/SKILL.md", """
            ---
            name: pdf
            description: Builds PDF reports from Markdown tables.
            ---
            # PDF

            Edited.
            """)
        let edited = try build(fixture, at: 1_759_500_000, into: disk(fixture))
        #expect(edited.rendered == 2)  // its page and its guide's page
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
}
