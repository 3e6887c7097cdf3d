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
}
