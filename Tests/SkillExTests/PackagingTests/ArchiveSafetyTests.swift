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
