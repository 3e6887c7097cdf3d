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
        return cache
    }

    @Test("the tree made by hand is the one the Encodable form gives, and writes the same bytes")
    func treeMatchesEncodable() throws {
        let cache = Self.sample()
        #expect(cache.tree == (try JSONTreeEncoder.tree(cache)))
        #expect(JSONWriter.data(tree: cache.tree) == (try JSONWriter.data(cache)))
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
    }
}
