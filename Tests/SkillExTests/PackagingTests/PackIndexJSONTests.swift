import Foundation
@testable import SkillEx
import Testing

@Suite("PackIndexJSON")
struct PackIndexJSONTests {
    private static func skill(_ name: String, files: [PackIndex.File]) -> PackIndex.Skill {
        PackIndex.Skill(
            repo: "acme", skill: name, checksum: String(repeating: "a", count: 64),
            bytes: files.reduce(0) { $0 + $1.size }, files: files)
    }

    @Test(
        "writes the bytes JSONWriter writes, for indexes of every shape",
        arguments: [
            [],
            [skill("pdf", files: [])],
            [skill("pdf", files: [PackIndex.File(path: "SKILL.md", size: 12, executable: nil)])],
            [
                skill("pdf", files: [
                    PackIndex.File(path: "SKILL.md", size: 12, executable: nil),
                    PackIndex.File(path: "scripts/run.sh", size: 0, executable: true),
                    PackIndex.File(path: "notes/\u{7}\"quoted\"\\/é.md", size: 1 << 40, executable: false),
                ]),
                skill("tab\tand\nnewline ✓", files: [PackIndex.File(path: "a", size: 1, executable: nil)]),
            ],
        ])
    func sameBytes(_ skills: [PackIndex.Skill]) throws {
        let index = PackIndex(version: "1.2.3", createdAt: "2025-01-01T00:00:00Z", skills: skills)
        let written = try PackIndexJSON.data(index)
        #expect(written == (try JSONWriter.data(index)))
        #expect(try PackIndex.decode(written) == index)
    }
}
