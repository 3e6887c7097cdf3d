import Foundation
import SkillEx
import SkillExTestSupport
import Testing

@Suite("Skill checksum")
struct SkillChecksumTests {
    @Test("matches the v0.1 definition: sorted relative path bytes then file bytes")
    func definition() throws {
        let ws = try TestWorkspace("""
            -- s/SKILL.md --
            hello
            -- s/b/z.txt --
            z
            -- s/a.txt --
            a
            """)
        defer { ws.remove() }
        // Computed apart from SkillEx's hashing code, in the order the definition gives:
        // python3 -c 'import hashlib;print(hashlib.sha256(b"SKILL.md"+b"hello\n"+b"a.txt"+b"a\n"+b"b/z.txt"+b"z\n").hexdigest())'
        #expect(try SkillChecksum.compute(folder: ws.url("s")) == "2906d40694dc8bf1f95cf050c4caf847a6c5bd682d653d7da5c8f4f29f7dcd99")
    }

    @Test("equals an independently computed value")
    func known() throws {
        let ws = try TestWorkspace("-- s/SKILL.md --\n---\n-- s/a.txt --\n")
        defer { ws.remove() }
        try Data("x".utf8).write(to: ws.url("s/a.txt"))
        // Python: sha256(b"SKILL.md" + b"---\n" + b"a.txt" + b"x")
        #expect(try SkillChecksum.compute(folder: ws.url("s")) == "2fe6b4f61b8e217b08509a5acc9608301962f63c04a980090c9e1002f5e13b17")
    }

    @Test("a symlink to a file inside the skill counts as that file; one leading outside is refused")
    func symlinks() throws {
        let ws = try TestWorkspace("-- s/SKILL.md --\nx\n-- secret.txt --\nsecret\n")
        defer { ws.remove() }
        try FileManager.default.createSymbolicLink(atPath: ws.url("s/copy.md").path, withDestinationPath: "SKILL.md")
        let files = try SkillFiles.list(ws.url("s"))
        #expect(files.map(\.relativePath) == ["SKILL.md", "copy.md"])
        try FileManager.default.createSymbolicLink(atPath: ws.url("s/leak").path, withDestinationPath: "../secret.txt")
        #expect(throws: SkillFilesError.self) { try SkillFiles.list(ws.url("s")) }
    }
}
