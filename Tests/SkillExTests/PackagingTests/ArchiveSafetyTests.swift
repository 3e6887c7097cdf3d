import Testing
@testable import SkillEx

@Suite("Archive entry safety")
struct ArchiveSafetyTests {
    private func entry(_ name: String, mode: UInt32? = 0o100644) -> ZipEntryInfo {
        ZipEntryInfo(
            name: name, method: 0, flags: 0, crc32: 0, compressedSize: 0, uncompressedSize: 0,
            localHeaderOffset: 0, unixMode: mode)
    }

    private func refused(_ entries: [ZipEntryInfo]) -> String? {
        do { try ArchiveSafety.check(entries) } catch { return error.description }
        return nil
    }

    @Test func plainEntriesPass() {
        #expect(refused([entry("a/b/SKILL.md"), entry("a/b/c.md"), entry("a/"), entry("x", mode: nil)]) == nil)
    }

    @Test(arguments: ["../evil", "a/../../evil", "/etc/passwd", "a\\b", "C:/x", "a//b", "./a", "a/\u{01}b", ""])
    func badNamesAreRefused(name: String) {
        #expect(refused([entry(name)]) != nil)
    }

    @Test func symlinksAndDevicesAreRefused() {
        #expect(refused([entry("a/link", mode: 0o120777)])?.contains("symbolic link") == true)
        #expect(refused([entry("a/dev", mode: 0o020644)]) != nil)
    }

    @Test func caseOnlyDuplicatesAreRefused() {
        let message = refused([entry("a/SKILL.md"), entry("a/skill.md")])
        #expect(message?.contains("differs only in case") == true)
        #expect(refused([entry("a/x"), entry("a/x")])?.contains("duplicate") == true)
        #expect(refused([entry("a/x"), entry("a/x/y")])?.contains("both as a file and as a folder") == true)
    }
}

@Suite("Archive limits")
struct ArchiveLimitsTests {
    private func entry(_ name: String, size: UInt64) -> ZipEntryInfo {
        ZipEntryInfo(
            name: name, method: 8, flags: 0, crc32: 0, compressedSize: size / 1000, uncompressedSize: size,
            localHeaderOffset: 0, unixMode: 0o100644)
    }

    @Test func entryOverTheLimitIsRefusedByName() {
        let limits = ArchiveLimits(maxEntryBytes: 100, maxTotalBytes: 1000)
        #expect(throws: ZipError.unsafe(
            entry: "a/bomb", reason: "unpacks to 101 bytes, over the limit of 100 (--max-file-bytes)")) {
            try limits.check([entry("a/ok", size: 100), entry("a/bomb", size: 101)])
        }
    }

    @Test func totalOverTheLimitIsRefused() {
        let limits = ArchiveLimits(maxEntryBytes: 100, maxTotalBytes: 250)
        #expect(throws: ZipError.self) { try limits.check((0..<3).map { entry("a/\($0)", size: 100) }) }
        #expect(throws: Never.self) { try limits.check((0..<2).map { entry("a/\($0)", size: 100) }) }
        #expect(throws: ZipError.self) {
            try ArchiveLimits(maxEntryBytes: .max, maxTotalBytes: .max).check([entry("a", size: .max), entry("b", size: 2)])
        }
    }

    @Test func normalisationTwinsAreNamedAsSuch() {
        let twins = ["a/caf\u{E9}.md", "a/cafe\u{301}.md"].map { entry($0, size: 1) }
        #expect(throws: ZipError.self) { try ArchiveSafety.check(twins) }
        do { try ArchiveSafety.check(twins) } catch {
            #expect(error.description.contains("Unicode normalisation"))
        }
    }
}
