import Foundation
import SkillEx
import SkillExTestSupport
import Testing

/// `skillex validate` on a folder of skills reports a skill folder whose name is not UTF-8
/// instead of skipping it.
@Suite("Validate: a skill folder whose name is not UTF-8")
struct UndecodableSkillFolderTests {
    @Test("discovery returns the folder, its bad bytes escaped; its verdict is one error")
    func reported() throws {
        let ws = try TestWorkspace("""
            -- skills/s/SKILL.md --
            ---
            name: s
            description: A skill for file kinds. Use when testing.
            ---
            """)
        defer { ws.remove() }
        var bytes = Array(ws.url("skills").path.utf8) + [0x2F, 0x63, 0x61, 0x66, 0xE9, 0]
        let made = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: buffer.count) { mkdir($0, 0o755) } } ?? -1
        }
        #expect(made == 0)
        let found = try SkillDiscovery.discover(at: ws.url("skills"))
        #expect(found.folders.map(\.lastPathComponent) == ["s"])
        let path = ws.url("skills").path + "/caf\\xE9"
        #expect(found.undecodable == [path])
        #expect(try SkillDiscovery.skillFolders(at: ws.url("skills")).map(\.lastPathComponent) == ["s"])

        let verdict = SkillValidation.undecodableFolder(path)
        #expect(!verdict.isValid)
        #expect(verdict.folderName == "caf\\xE9")
        #expect(verdict.errors.map(\.line) == [
            "\(path): folder name is not valid UTF-8 (not validated) [encoding.utf8] — "
                + "rename the folder to the skill's name (lowercase letters, digits and hyphens)",
        ])
        let report = ValidationReport(results: [verdict], mode: .standard)
        #expect(report.invalid == 1 && !report.isValid)
    }

    @Test("a folder whose only entry has a bad name is not itself taken for a skill")
    func onlyUndecodable() throws {
        let ws = try TestWorkspace("""
            -- skills/.keep --
            """)
        defer { ws.remove() }
        var bytes = Array(ws.url("skills").path.utf8) + [0x2F, 0xFF, 0]
        let made = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: buffer.count) { mkdir($0, 0o755) } } ?? -1
        }
        #expect(made == 0)
        let found = try SkillDiscovery.discover(at: ws.url("skills"))
        #expect(found.folders.isEmpty)
        #expect(found.undecodable == [ws.url("skills").path + "/\\xFF"])
    }
}
