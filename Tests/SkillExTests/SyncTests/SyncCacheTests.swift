import Foundation
import Testing

@testable import SkillEx

@Suite("Sync cache")
struct SyncCacheTests {
    static func sample() -> SyncCache {
        var cache = SyncCache()
        cache.skills["acme/pdf"] = .init(fingerprint: "f1", checksum: "c1", target: "t1")
        cache.skills["acme/zip"] = .init(fingerprint: "f2", checksum: "c2")
        cache.skills["béta/ü \"q\""] = .init(fingerprint: "f3", checksum: "c3", target: "")
        cache.skills["acme/doc"] = .init(fingerprint: "f4", checksum: "c4", listing: ["d1 2 3 ", "d1 2 4 a \"b\"", "fSKILL.md"])
        cache.skills["acme/xls"] = .init(
            fingerprint: "f5", checksum: "c5", target: "t5", listing: ["d1 2 3 ", "fSKILL.md"], copy: "d4 5 6 \nfSKILL.md")
        return cache
    }

    @Test("the tree made by hand is the one the Encodable form gives, and writes the same bytes")
    func treeMatchesEncodable() throws {
        let cache = Self.sample()
        #expect(cache.tree == (try JSONTreeEncoder.tree(cache)))
        #expect(JSONWriter.data(tree: cache.tree) == (try JSONWriter.data(cache)))
    }

    @Test("the bytes written straight from the entries are the ones the tree writes")
    func bytesMatchTheTree() throws {
        var cases = [Self.sample(), SyncCache()]
        var escapes = SyncCache()
        escapes.skills["a\\b/\tc\u{1}"] = .init(fingerprint: "\n", checksum: "\r\u{8}\u{c}", target: "\u{1f}é", listing: [])
        escapes.skills["a/b"] = .init(fingerprint: "f", checksum: "c", listing: ["fOnly"], copy: "")
        escapes.skills["a/c"] = .init(fingerprint: "f", checksum: "c", copy: "f\u{7f}\"é\nf\\x")
        escapes.skills["A/b"] = .init(fingerprint: "f", checksum: "c")
        cases.append(escapes)
        var many = SyncCache()
        for index in 0..<300 {
            many.skills["repo-\(index % 7)/skill-\(index)"] = .init(
                fingerprint: "f\(index)", checksum: "c\(index)", target: index % 3 == 0 ? nil : "t\(index)",
                listing: index % 2 == 0 ? nil : (0..<(index % 5)).map { "f\($0)/x y" },
                copy: index % 3 == 1 ? nil : (0..<(index % 4)).map { "f\($0)/c" }.joined(separator: "\n"))
        }
        cases.append(many)
        for cache in cases {
            #expect(cache.bytes == JSONWriter.data(tree: cache.tree))
        }
    }

    @Test("saved and loaded back alike")
    func roundTrip() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sync-cache-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Self.sample().save(url)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(!text.contains("\"target\": null"))
        let data = try Data(contentsOf: url)
        #expect(try JSONDecoder().decode(SyncCache.self, from: data).skills == Self.sample().skills)
        // The hand-made reader (a copy of the file, so nothing remembered from the save is used).
        let copy = url.deletingLastPathComponent().appendingPathComponent("copy-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: copy) }
        try data.write(to: copy)
        #expect(SyncCache.load(copy).skills == Self.sample().skills)
    }
}
