import Foundation
import Testing
@testable import SkillEx

@Suite("Skill entries read from the tree")
struct SkillEntryTreeTests {
    static let manifest = """
        {"version": 2, "generated_at": "2026-01-01T00:00:00Z", "maintainers": ["ann"], "scoring": {"threshold": 70},
         "repositories": [{"name": "acme", "path": "repos/acme", "owner": "sre"}],
         "skills": [
           {"name": "a", "source_repo": "acme", "target_path": "skills/acme/a", "checksum": "c1",
            "packaged_at": "2026-01-01T00:00:00Z", "source_commit": "abc", "source_branch": null,
            "description": "Does a. Use when a.", "score_history": [{"at": "t", "score": 91.5, "checksum": "c1",
            "components": {"lint": 90, "coverage": null}}], "approval": {"by": "ann"}, "note": [1, 2.5, true, null]},
           {"name": "b", "source_repo": "acme", "target_path": "skills/acme/b", "checksum": "c2"}
         ]}
        """

    @Test("the same manifest as the decoder's, unknown fields kept")
    func sameAsDecoder() throws {
        let data = Data(Self.manifest.utf8)
        let tree = try JSONValueParser.parse(data)
        let key = try #require(OpenFields.treeKey)
        let expected = try JSONTreeDecoder.decode(Manifest.self, from: data, tree: tree, userInfo: [key: tree])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skill-entry-tree-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("manifest.json")
        try data.write(to: url)
        let loaded = try ManifestStore.load(url)
        #expect(loaded == expected)
        #expect(loaded.skills.count == 2)
        #expect(loaded.skills[0].extra.values["note"] != nil)
        #expect(loaded.skills[1].packagedAt == "")
    }

    @Test("a field of another type is left to the decoder")
    func otherTypes() throws {
        for bad in [#"{"name": 1, "source_repo": "r", "target_path": "t", "checksum": "c"}"#,
                    #"{"name": "n", "source_repo": "r", "target_path": "t"}"#,
                    #"{"name": "n", "source_repo": "r", "target_path": "t", "checksum": "c", "description": 5}"#] {
            #expect(SkillEntry(tree: try JSONValueParser.parse(Data(bad.utf8))) == nil, "\(bad)")
        }
    }
}
