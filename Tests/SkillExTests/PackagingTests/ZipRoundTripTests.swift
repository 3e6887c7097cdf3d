import Foundation
import Testing
@testable import SkillEx

@Suite("ZIP writer and reader")
struct ZipRoundTripTests {
    private func temp() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID().uuidString).zip")
    }

    private func write(_ entries: [CompressedEntry], timestamp: DOSTimestamp = .epoch) throws -> Data {
        let url = temp()
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try ZipWriter(url: url, timestamp: timestamp)
        for entry in entries { try writer.add(entry) }
        try writer.finish()
        return try Data(contentsOf: url)
    }

    @Test func roundTripKeepsBytesModesAndMethods() throws {
        var random = SystemRandomNumberGenerator()
        let noise = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) })
        let text = Data(String(repeating: "hello zip ", count: 500).utf8)
        let entries = [
            try ZipCompressor.entry(name: "a/empty.txt", bytes: Data(), permissions: 0o644),
            try ZipCompressor.entry(name: "a/noise.bin", bytes: noise, permissions: 0o644),
            try ZipCompressor.entry(name: "a/run.sh", bytes: text, permissions: 0o755),
        ]
        #expect(entries[1].method == 0)  // incompressible: stored
        #expect(entries[2].method == 8)
        let reader = try ZipReader(data: try write(entries), label: "t.zip")
        #expect(reader.entries.map(\.name) == ["a/empty.txt", "a/noise.bin", "a/run.sh"])
        #expect(try reader.contents(named: "a/noise.bin") == noise)
        #expect(try reader.contents(named: "a/run.sh") == text)
        #expect(try reader.contents(named: "a/empty.txt") == Data())
        #expect(reader.entries[2].isExecutable)
        #expect(!reader.entries[1].isExecutable)
        #expect(reader.entries[2].unixMode == 0o100755)
    }

    @Test("made in memory: the very bytes a file gets, small or over several write buffers")
    func inMemoryMatchesTheFile() throws {
        var random = SystemRandomNumberGenerator()
        let small = [try ZipCompressor.entry(name: "SKILL.md", bytes: Data("# hi\n".utf8), permissions: 0o644)]
        let large = try (0..<3).map { index in
            try ZipCompressor.entry(
                name: "big/\(index).bin",
                bytes: Data((0..<(900_000 + index * 400_000)).map { _ in UInt8.random(in: 0...255, using: &random) }),
                permissions: index == 1 ? 0o755 : 0o644)
        }
        for entries in [[], small, small + large] {
            let writer = ZipWriter.inMemory(timestamp: .epoch)
            for entry in entries { try writer.add(entry) }
            let bytes = try writer.finishInMemory()
            #expect(Data(bytes) == (try write(entries)))
            #expect(try ZipReader(data: Data(bytes), label: "m.zip").entries.count == entries.count)
        }
    }

    @Test("hashed beside the writer: the same bytes and the SHA-256 of the file, across many flushes")
    func hashBesideMatchesTheFile() throws {
        var random = SystemRandomNumberGenerator()
        // Incompressible, over several 1 MiB write buffers, plus one payload written straight through.
        let entries = try (0..<6).map { index in
            try ZipCompressor.entry(
                name: "big/\(index).bin",
                bytes: Data((0..<(700_000 + index * 300_000)).map { _ in UInt8.random(in: 0...255, using: &random) }),
                permissions: 0o644)
        }
        let inline = temp(), beside = temp()
        defer {
            try? FileManager.default.removeItem(at: inline)
            try? FileManager.default.removeItem(at: beside)
        }
        let plain = try ZipWriter(url: inline, timestamp: .epoch)
        let followed = try ZipWriter(url: beside, timestamp: .epoch, hashBeside: true)
        for entry in entries {
            try plain.add(entry)
            try followed.add(entry)
        }
        let expected = try plain.finish()
        let digest = try followed.finish()
        #expect(try Data(contentsOf: beside) == Data(contentsOf: inline))
        #expect(digest == expected)
        #expect(digest == Digest.sha256Hex(try Data(contentsOf: beside)))
    }

    @Test("entries copied from another archive are sent whole when their headers match, else written; the bytes are the same")
    func copiedRuns() throws {
        var random = SystemRandomNumberGenerator()
        let originals = try (0..<5).map { index in
            try ZipCompressor.entry(
                name: "s/\(index).bin", bytes: Data((0..<(index * 90_000 + 10)).map { _ in UInt8.random(in: 0...255, using: &random) }),
                permissions: 0o644)
        }
        let source = temp()
        defer { try? FileManager.default.removeItem(at: source) }
        let first = try ZipWriter(url: source, timestamp: .epoch)
        for entry in originals { try first.add(entry) }
        try first.finish()
        let reader = try ZipReader(data: try Data(contentsOf: source, options: .alwaysMapped), label: "source.zip")
        let file = try #require(ZipSourceFile(path: source.path))
        func copied(_ index: Int) throws -> CompressedEntry {
            let info = reader.entries[index]
            var entry = originals[index]
            entry.payload = try reader.storedPayloadView(of: info)
            let header = try reader.localHeaderRange(of: info)
            entry.origin = ZipOrigin(
                file: file, offset: header.lowerBound - reader.data.startIndex, header: reader.data[header],
                length: header.count + entry.payload.count)
            return entry
        }
        let fresh = try ZipCompressor.entry(name: "s/1a.txt", bytes: Data("new".utf8), permissions: 0o755)
        // Runs of neighbours (0, 1), a new entry, then 2 and 4 (not neighbours: two runs).
        let plan = [try copied(0), try copied(1), fresh, try copied(2), try copied(4)]
        for timestamp in [DOSTimestamp.epoch, DOSTimestamp(Date(timeIntervalSince1970: 1_735_689_600))] {
            let sent = temp(), written = temp()
            defer {
                try? FileManager.default.removeItem(at: sent)
                try? FileManager.default.removeItem(at: written)
            }
            let a = try ZipWriter(url: sent, timestamp: timestamp, hashBeside: true)
            let b = try ZipWriter(url: written, timestamp: timestamp)
            for entry in plan {
                try a.add(entry)
                var plain = entry
                plain.origin = nil
                try b.add(plain)
            }
            let digest = try a.finish()
            #expect(digest == (try b.finish()))
            #expect(try Data(contentsOf: sent) == Data(contentsOf: written))
            // Another timestamp makes other headers: nothing is sent, the entries are written.
            let check = try ZipReader(data: try Data(contentsOf: sent), label: "sent.zip")
            #expect(check.entries.map(\.name) == plan.map(\.name))
        }
    }

    @Test("a writer dropped before finishing stops its hasher")
    func abandonedWriter() throws {
        let url = temp()
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            let writer = try ZipWriter(url: url, timestamp: .epoch, hashBeside: true)
            try writer.add(try ZipCompressor.entry(name: "a", bytes: Data("a".utf8), permissions: 0o644))
        }
        // A new writer on the same path still finishes with the file's digest.
        let writer = try ZipWriter(url: url, timestamp: .epoch, hashBeside: true)
        try writer.add(try ZipCompressor.entry(name: "b", bytes: Data("b".utf8), permissions: 0o644))
        #expect(try writer.finish() == Digest.sha256Hex(try Data(contentsOf: url)))
    }

    @Test func sameEntriesGiveSameBytes() throws {
        let entries = try (0..<20).map {
            try ZipCompressor.entry(name: "f\($0)", bytes: Data("file \($0)".utf8), permissions: 0o644)
        }
        #expect(try write(entries) == write(entries))
        let later = DOSTimestamp(Date(timeIntervalSince1970: 1_735_689_600))
        #expect(try write(entries, timestamp: later) != write(entries))
    }

    @Test func dosTimestampEncodesUTCAndClamps() {
        let stamp = DOSTimestamp(Date(timeIntervalSince1970: 1_735_689_600 + 3661))  // 2025-01-01 01:01:01
        #expect(stamp.date == (45 << 9) | (1 << 5) | 1)
        #expect(stamp.time == (1 << 11) | (1 << 5) | 0)
        #expect(DOSTimestamp(Date(timeIntervalSince1970: 0)) == .epoch)
    }

    @Test func moreThan65535EntriesUseZip64() throws {
        let count = 65_540
        let entries = (0..<count).map { index in
            CompressedEntry(
                name: String(format: "e%06d", index), permissions: 0o644, method: 0,
                crc32: ZipCompressor.crc32(Data([UInt8(index & 0xFF)])), uncompressedSize: 1,
                payload: Data([UInt8(index & 0xFF)]))
        }
        let data = try write(entries)
        let reader = try ZipReader(data: data, label: "big.zip")
        #expect(reader.entries.count == count)
        #expect(try reader.contents(of: reader.entries[count - 1]) == Data([UInt8((count - 1) & 0xFF)]))
        // The classic end record saturates its count; the ZIP64 record carries the real one.
        let tail = data.suffix(22)
        #expect(tail.prefix(4) == Data([0x50, 0x4b, 0x05, 0x06]))
        #expect(Array(tail)[10] == 0xFF && Array(tail)[11] == 0xFF)
        // Info-ZIP's unzip reads it too.
        let url = temp()
        defer { try? FileManager.default.removeItem(at: url) }
        try data.write(to: url)
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        unzip.arguments = ["-tqq", url.path]
        try unzip.run()
        unzip.waitUntilExit()
        #expect(unzip.terminationStatus == 0)
    }

    @Test func sizesBeyond4GiBGoIntoZip64ExtraFields() throws {
        let huge: UInt64 = 5 << 30
        let entry = CompressedEntry(
            name: "big.bin", permissions: 0o644, method: 8, crc32: 0, uncompressedSize: huge,
            payload: Data([0x03, 0x00]))
        let reader = try ZipReader(data: try write([entry]), label: "big.zip")
        #expect(reader.entries.first?.uncompressedSize == huge)
        #expect(reader.entries.first?.compressedSize == 2)
        // Two bytes cannot inflate to 5 GiB: refused before any allocation.
        #expect(throws: ZipError.self) { try reader.contents(of: reader.entries[0]) }
    }
}
