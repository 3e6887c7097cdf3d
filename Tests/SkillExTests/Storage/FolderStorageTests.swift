import Foundation
import Testing
@testable import SkillEx

@Suite struct FolderStorageTests {
    func temp() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("folder-storage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func putGetHeadListDelete() async throws {
        let base = try temp()
        defer { try? FileManager.default.removeItem(at: base) }
        let source = base.appendingPathComponent("src.bin")
        let data = Data("hello".utf8)
        try data.write(to: source)
        let sha = Digest.sha256Hex(data)
        let storage = FolderStorage(root: base.appendingPathComponent("mirror"))
        try await storage.put(key: "deltas/d.zip", file: source, size: 5, sha256: sha, contentType: "application/zip")
        #expect(try await storage.get(key: "deltas/d.zip") == data)
        #expect(try await storage.head(key: "deltas/d.zip") == StoredObject(key: "deltas/d.zip", size: 5, sha256: sha))
        #expect(try await storage.head(key: "absent") == nil)
        #expect(try await storage.list(prefix: "") == [StoredObject(key: "deltas/d.zip", size: 5)])
        #expect(try await storage.list(prefix: "other/") == [])
        let fetched = base.appendingPathComponent("out/d.zip")
        try await storage.fetch(key: "deltas/d.zip", size: 5, sha256: sha, to: fetched)
        #expect(try Data(contentsOf: fetched) == data)
        await #expect(throws: StorageError.self) {
            try await storage.fetch(key: "deltas/d.zip", size: 5, sha256: String(repeating: "0", count: 64), to: fetched)
        }
        try await storage.delete(key: "deltas/d.zip")
        #expect(try await storage.head(key: "deltas/d.zip") == nil)
        #expect(storage.stats.snapshot.uploads == 1)
    }

    @Test func keysCannotLeaveTheFolder() async throws {
        let base = try temp()
        defer { try? FileManager.default.removeItem(at: base) }
        let storage = FolderStorage(root: base)
        for key in ["../x", "/etc/passwd", "a/../../x", ""] {
            await #expect(throws: StorageError.self) { try await storage.get(key: key) }
        }
    }

    @Test func changedSourceIsRefusedAndLeavesNoFile() async throws {
        let base = try temp()
        defer { try? FileManager.default.removeItem(at: base) }
        let source = base.appendingPathComponent("src")
        try Data("abc".utf8).write(to: source)
        let storage = FolderStorage(root: base.appendingPathComponent("m"))
        await #expect(throws: StorageError.self) {
            try await storage.put(key: "k", file: source, size: 3, sha256: String(repeating: "0", count: 64), contentType: "x")
        }
        #expect(try await storage.list(prefix: "") == [])
    }
}
