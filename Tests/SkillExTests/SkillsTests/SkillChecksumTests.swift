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
        var hasher = SHA256Hasher()
        for (path, content) in [("SKILL.md", "hello\n"), ("a.txt", "a\n"), ("b/z.txt", "z\n")] {
            hasher.update(path)
            hasher.update(content)
        }
        #expect(try SkillChecksum.compute(folder: ws.url("s")) == Digest.hex(hasher.finalize()))
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
