import Foundation
import Testing

@testable import SkillExSite

@Suite("Rebuild state: fragments, listings and page records")
struct RebuildStateTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("fragment pieces are kept by key: only a changed piece is rendered, the file holds this build's pieces")
    func fragmentPieces() throws {
        let cache = FragmentCache(folder: try folder())
        defer { try? FileManager.default.removeItem(at: cache.folder) }
        var rendered: [Int] = []
        let first = cache.texts("t", keys: ["a", "b", "c"]) { rendered.append($0); return "piece \($0)\nwith ünïcode\n" }
        #expect(rendered == [0, 1, 2])
        // Rendering writes nothing; the publisher keeps what was rendered (`save`).
        #expect(!FileManager.default.fileExists(atPath: cache.folder.appendingPathComponent("t").path))
        cache.save()
        rendered = []
        let second = cache.texts("t", keys: ["a", "x", "c"]) { rendered.append($0); return "new \($0)" }
        #expect(rendered == [1])
        #expect(second == [first[0], "new 1", first[2]])
        cache.save()
        // "b" is gone from the file: asking for it renders it again.
        rendered = []
        _ = cache.texts("t", keys: ["b"]) { rendered.append($0); return "b" }
        #expect(rendered == [0])
        // A damaged file costs renders, never wrong text.
        try Data("a 9999\nshort".utf8).write(to: cache.folder.appendingPathComponent("t"))
        rendered = []
        let damaged = cache.texts("t", keys: ["a"]) { rendered.append($0); return "fresh" }
        #expect(damaged == ["fresh"] && rendered == [0])
    }

    @Test("listing lines appended later win; a last line cut short is not trusted")
    func listingAppends() {
        let line1 = "skills/a/x\tc1\t10\t-\tSKILL.md\t\n"
        let line2 = "skills/a/x\tc2\t20\t-\tSKILL.md\t\n"
        let cache = SkillListingCache.decode(Data((line1 + line2).utf8))
        #expect(cache.listings["skills/a/x"]?.checksum == "c2")
        #expect(cache.lines == 2 && cache.appendable)
        let torn = SkillListingCache.decode(Data((line1 + "skills/a/x\tc3\t2").utf8))
        #expect(torn.listings["skills/a/x"]?.checksum == "c1")
        #expect(!torn.appendable)
    }

    @Test("a group is whole only with its head's key, enough pages and none missing")
    func groups() {
        var records = PublishedRecords([
            "skills/a/x/index.html": PageRecord(hash: "h1", key: "K"),
            "skills/a/x/files/r.md.html": PageRecord(hash: "h2", key: "K"),
            "skills/a/x/raw/s.py": PageRecord(hash: "h3", key: "K"),
            "skills/a/y/index.html": PageRecord(hash: "h4", key: "OLD"),
            "skills/a/y/files/r.md.html": PageRecord(hash: "h5", key: "L"),
        ])
        #expect(records.hasGroup("K", size: 2, firstPage: "skills/a/x/index.html"))
        #expect(!records.hasGroup("K", size: 4, firstPage: "skills/a/x/index.html"))
        #expect(!records.hasGroup("L", size: 2, firstPage: "skills/a/y/index.html"))
        records.brokenKeys = ["K"]
        #expect(!records.hasGroup("K", size: 2, firstPage: "skills/a/x/index.html"))
    }

    @Test("appended records put each skill's page after the rest of its group")
    func headsLast() {
        let records: [String: PageRecord] = [
            "skills/a/x/index.html": PageRecord(hash: "h1", key: "K"),
            "skills/a/x/raw/s.py": PageRecord(hash: "h3", key: "K"),
            "skills/a/x/files/r.md.html": PageRecord(hash: "h2", key: "K"),
        ]
        let text = String(decoding: PageRecordFile.encode(records, groupHeadsLast: true), as: UTF8.self)
        #expect(text.split(separator: "\n").last?.hasSuffix("skills/a/x/index.html") == true)
        #expect(PageRecordFile.decode(Data(text.utf8)).records == records)
    }
}
