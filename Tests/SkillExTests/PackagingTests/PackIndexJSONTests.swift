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

    /// A pack index as text, with `file` as the one file of its one skill.
    private static func text(file: String, extra: String = "") -> String {
        """
        {"format": 1, "version": "1.0.0", "created_at": "2025-01-01T00:00:00Z", "files": 1, "bytes": 3\(extra),
         "skills": [{"repo": "acme", "skill": "pdf", "checksum": "c", "bytes": 3, "files": [\(file)]}]}
        """
    }

    @Test(
        "reads an index exactly as JSONDecoder does, and fails where it fails",
        arguments: [
            text(file: #"{"path": "a", "size": 3}"#),
            text(file: #"{"path": "a", "size": 3, "executable": null}"#),
            text(file: #"{"path": "a", "size": 3, "executable": true}"#),
            text(file: #"{"path": "a", "size": 3, "executable": false, "mode": 7}"#),
            text(file: #"{"path": "a", "size": 3}"#, extra: #", "unknown": [1, {"x": null}]"#),
            text(file: #"{"path": "a", "size": 3, "executable": "yes"}"#),
            text(file: #"{"path": "a", "size": "3"}"#),
            text(file: #"{"path": 1, "size": 3}"#),
            text(file: #"{"size": 3}"#),
            #"{"format": "1", "version": "1", "created_at": "t", "files": 0, "bytes": 0, "skills": []}"#,
            #"{"format": 1.5, "version": "1", "created_at": "t", "files": 0, "bytes": 0, "skills": []}"#,
            #"{"format": 1, "version": "1", "created_at": "t", "files": 0, "bytes": 0, "skills": {}}"#,
            #"{"format": 1, "version": "1", "created_at": "t", "files": 0, "bytes": 0, "skills": [{"repo": "a"}]}"#,
            #"{"format": 1, "version": "1", "created_at": "t", "files": 0, "skills": []}"#,
            #"[]"#,
        ])
    func readsAsDecoder(_ text: String) throws {
        let data = Data(text.utf8)
        let expected = try? JSONDecoder().decode(PackIndex.self, from: data)
        let read = try? PackIndex.decode(data)
        #expect(read == expected)
    }
}
