import Foundation
@testable import SkillEx
import Testing

@Suite("FilePrefetch")
struct FilePrefetchTests {
    /// A file in a fresh temp folder holding `text`.
    private static func file(_ text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prefetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("state.json")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("an unchanged file's value is handed over once")
    func unchanged() throws {
        let url = try Self.file("first")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        FilePrefetch.start(url) { String(decoding: $0, as: UTF8.self).uppercased() }
        #expect(FilePrefetch.take(url, as: String.self) == "FIRST")
        #expect(FilePrefetch.take(url, as: String.self) == nil)
        // Kept for a later reader, until one takes it without keeping it.
        FilePrefetch.start(url) { String(decoding: $0, as: UTF8.self) }
        #expect(FilePrefetch.take(url, as: String.self, keep: true) == "first")
        #expect(FilePrefetch.take(url, as: String.self, keep: true) == "first")
        #expect(FilePrefetch.take(url, as: String.self) == "first")
        #expect(FilePrefetch.take(url, as: String.self) == nil)
    }

    @Test("a file changed after it was read is not handed over, even at the same size")
    func changed() throws {
        let url = try Self.file("first")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let read = DispatchSemaphore(value: 0)
        FilePrefetch.start(url) { data in
            defer { read.signal() }
            return String(decoding: data, as: UTF8.self)
        }
        read.wait()  // the file was read: now it changes in place, size and inode kept
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data("fresh".utf8))
        try handle.close()
        #expect(FilePrefetch.take(url, as: String.self) == nil)
        FilePrefetch.start(url) { String(decoding: $0, as: UTF8.self) }
        try FileManager.default.removeItem(at: url)
        #expect(FilePrefetch.take(url, as: String.self) == nil)
    }

    @Test("a file's identity vouches for it only when the file had settled before it was read")
    func identity() throws {
        let url = try Self.file("settled")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let fresh = try #require(FileIdentity(path: url.path))
        // Just written: its time could be the time of a change in the same tick.
        #expect(!FilePrefetch.identityVouches(fresh, readAt: FilePrefetch.now(), path: url.path))
        Thread.sleep(forTimeInterval: Double(FilePrefetch.settledNanoseconds) / 1e9 + 0.05)
        let readAt = FilePrefetch.now()
        let settled = try #require(FileIdentity(path: url.path))
        #expect(FilePrefetch.identityVouches(settled, readAt: readAt, path: url.path))
        #expect(!FilePrefetch.identityVouches(nil, readAt: readAt, path: url.path))
        // Changed since (in place, same size): another identity.
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data("SETTLED".utf8))
        try handle.close()
        #expect(!FilePrefetch.identityVouches(settled, readAt: readAt, path: url.path))
        // And the prefetch hands over a settled file's value (read once).
        Thread.sleep(forTimeInterval: Double(FilePrefetch.settledNanoseconds) / 1e9 + 0.05)
        FilePrefetch.start(url) { String(decoding: $0, as: UTF8.self) }
        #expect(FilePrefetch.take(url, as: String.self) == "SETTLED")
    }

    @Test("a file that was missing, or a value of another type, is not handed over")
    func missing() throws {
        let url = try Self.file("first")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let absent = url.deletingLastPathComponent().appendingPathComponent("absent.json")
        FilePrefetch.start(absent) { $0.count }
        #expect(FilePrefetch.take(absent, as: Int.self) == nil)
        FilePrefetch.start(url) { $0.count }
        #expect(FilePrefetch.take(url, as: String.self) == nil)
    }
}

@Suite("FilePrefetch remember")
struct FilePrefetchRememberTests {
    @Test("a remembered value serves readers while the file keeps the bytes it was remembered with")
    func remembered() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("remember-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("cache.json")
        try Data("v1".utf8).write(to: url)
        FilePrefetch.remember(url, bytes: Data("v1".utf8), value: 1)
        #expect(FilePrefetch.take(url, as: Int.self, keep: true) == 1)
        #expect(FilePrefetch.take(url, as: Int.self, keep: true) == 1)
        try Data("v2".utf8).write(to: url)
        #expect(FilePrefetch.take(url, as: Int.self, keep: true) == nil)
    }
}
