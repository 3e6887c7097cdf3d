import Foundation
import Testing

@testable import SkillEx

@Suite("Reading a whole file")
struct FileBytesReadTests {
    /// Writes `bytes` to a fresh temp file and returns its path.
    private func file(_ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("filebytes-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test("the bytes come back whole whether the expected size is right, short, long or zero")
    func sizes() throws {
        let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = try file(bytes)
        defer { unlink(path) }
        for expected in [bytes.count, bytes.count - 1, 1, 0, bytes.count + 1, bytes.count * 3] {
            #expect(try FileBytes.readAll(path: path, expected: expected) == bytes, "expected \(expected)")
        }
    }

    @Test("an empty file reads as no bytes, and a missing one throws naming it")
    func emptyAndMissing() throws {
        let path = try file([])
        defer { unlink(path) }
        #expect(try FileBytes.readAll(path: path, expected: 0).isEmpty)
        #expect(try FileBytes.readAll(path: path, expected: 10).isEmpty)
        #expect(throws: (any Error).self) { try FileBytes.readAll(path: path + "-missing", expected: 3) }
    }
}
