import Foundation
import Testing
@testable import SkillEx

@Suite("ZIP reader on damaged input")
struct ZipReaderFuzzTests {
    private func sample() throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fz-\(UUID().uuidString).zip")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try ZipWriter(url: url, timestamp: .epoch)
        for index in 0..<4 {
            try writer.add(
                ZipCompressor.entry(
                    name: "dir/file\(index).txt", bytes: Data(String(repeating: "data \(index) ", count: 40).utf8),
                    permissions: 0o644))
        }
        try writer.finish()
        return try Data(contentsOf: url)
    }

    /// Reads everything; true when the archive read cleanly, false when it threw a ZipError.
    private func readAll(_ data: Data) -> Bool {
        do {
            let reader = try ZipReader(data: data, label: "x.zip")
            for entry in reader.entries { _ = try reader.contents(of: entry) }
            return true
        } catch { return false }
    }

    @Test func everyTruncationIsAnErrorNotACrash() throws {
        let data = try sample()
        #expect(readAll(data))
        for length in 0..<data.count {
            #expect(!readAll(data.prefix(length)), "prefix of \(length) bytes was accepted")
        }
    }

    @Test func garbledBytesNeverCrashAndPayloadDamageIsCaught() throws {
        let data = try sample()
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<3000 {
            var copy = data
            let flips = Int.random(in: 1...4, using: &generator)
            for _ in 0..<flips {
                let index = Int.random(in: 0..<copy.count, using: &generator)
                copy[index] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = readAll(copy)
        }
        // A flipped byte inside the first entry's payload is always caught (CRC or inflate).
        var damaged = data
        damaged[30 + 13 + 2] ^= 0x01  // local header + "dir/file0.txt" + 2
        #expect(!readAll(damaged))
    }

    @Test func garbageIsRefused() {
        #expect(!readAll(Data()))
        #expect(!readAll(Data(repeating: 0x50, count: 100)))
        #expect(!readAll(Data([0x50, 0x4b, 0x05, 0x06] + Array(repeating: 0xFF, count: 18))))
    }
}

/// A small deterministic generator (SplitMix64) so fuzz runs repeat.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
