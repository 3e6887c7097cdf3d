import Foundation
import SkillEx
import SkillExTestSupport
import Testing

@Suite("Errors say what a file is: FIFOs, links to non-files, names that are not UTF-8")
struct SkillFileKindTests {
    static let skill = """
        -- s/SKILL.md --
        ---
        name: s
        description: A skill for file kinds. Use when testing.
        ---
        """

    @Test("a file name that is not UTF-8 is named with its bad bytes escaped")
    func nonUTF8() throws {
        let ws = try TestWorkspace(Self.skill)
        defer { ws.remove() }
        let path = ws.url("s").path + "/bad-\u{1}"
        var bytes = Array(path.utf8) + [0xFF, 0x2E, 0x6D, 0x64, 0]
        let fd = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_CREAT | O_WRONLY, 0o644) } } ?? -1
        }
        #expect(fd >= 0)
        close(fd)
        let error = #expect(throws: SkillFilesError.self) { try SkillFiles.list(ws.url("s")) }
        #expect(error?.description == "\(ws.url("s").path)/bad-\\x01\\xFF.md: file name is not valid UTF-8 (bad bytes shown as \\x..)")
    }

    @Test("a symlink to a FIFO inside the skill says FIFO, not outside")
    func fifoLink() throws {
        let ws = try TestWorkspace(Self.skill)
        defer { ws.remove() }
        #expect(mkfifo(ws.url("s/pipe").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: ws.url("s/link.md").path, withDestinationPath: "pipe")
        let error = #expect(throws: SkillFilesError.self) { try SkillFiles.list(ws.url("s")) }
        #expect(error?.description.hasSuffix("s/link.md: symlink to pipe leads to a FIFO (named pipe), not a regular file (not followed)") == true)
    }

    @Test("a FIFO SKILL.md is reported as a FIFO, not as a permission problem, and not read")
    func fifoSkillFile() throws {
        let ws = try TestWorkspace("-- s/notes.md --\nx\n")
        defer { ws.remove() }
        #expect(mkfifo(ws.url("s/SKILL.md").path, 0o644) == 0)
        let finding = try #require(SpecValidator().validate(folder: ws.url("s")).errors.first)
        #expect(finding.message == "SKILL.md is a FIFO (named pipe), not a regular file")
        #expect(finding.file.hasSuffix("s/SKILL.md"))
    }

    @Test("a skill folder whose name is not UTF-8 is one error naming it; the other skills still sync")
    func nonUTF8Folder() throws {
        let ws = try TestWorkspace("""
            -- manifest.json --
            {"version": 1, "repositories": [{"name": "acme", "path": "repos/acme", "skills_dir": "skills"}], "skills": []}
            -- repos/acme/skills/s/SKILL.md --
            ---
            name: s
            description: A skill for file kinds. Use when testing.
            ---
            """)
        defer { ws.remove() }
        var bytes = Array(ws.url("repos/acme/skills").path.utf8) + [0x2F, 0x63, 0x61, 0x66, 0xE9, 0]
        let made = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: buffer.count) { mkdir($0, 0o755) } } ?? -1
        }
        #expect(made == 0)
        let workspace = ws.workspace()
        let (result, _) = try Syncer(workspace: workspace).sync(try ManifestStore.load(workspace.manifestURL))
        #expect(result.summary.errors.map(\.message) == ["name is not valid UTF-8 (not synced)"])
        #expect(result.summary.errors.first?.path == ws.url("repos/acme/skills").path + "/caf\\xE9")
        #expect(result.results.map(\.status) == [.copied])
    }
}
