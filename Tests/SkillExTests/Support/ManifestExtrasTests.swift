import Foundation
import Testing
@testable import SkillEx

@Suite("Manifest extras from the parsed tree")
struct ManifestExtrasTests {
    @Test("ManifestStore.load keeps the same unmodelled fields as a plain decode")
    func sameExtras() throws {
        let text = #"""
            {"version": 2, "scoring": {"threshold": 65, "rules": {"spec": "warning"}}, "maintainers": ["alice"],
             "repositories": [{"name": "r", "path": "repos/r", "reports": [{"kind": "lcov", "path": "l.info"}]}],
             "skills": [{"name": "a", "source_repo": "r", "target_path": "skills/r/a", "checksum": "c", "packaged_at": "t",
                         "score_history": [{"at": "t", "score": 72.5, "components": {"lint": 90, "coverage": null}, "checksum": "c"}],
                         "approval": {"by": "alice", "at": "t", "reason": "ok \u00e9", "checksum": "c", "score": 40}}]}
            """#
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(text.utf8).write(to: url)
        let loaded = try ManifestStore.load(url)
        let plain = try JSONDecoder().decode(Manifest.self, from: Data(text.utf8))
        #expect(loaded == plain)
        #expect(loaded.skills[0].extra.values["approval"] != nil)
        #expect(ScoreHistoryEntry.list(loaded.skills[0].extra.values["score_history"]).first?.components["coverage"] == .some(nil))
        #expect(loaded.repositories[0].extra.values["reports"] != nil)
    }
}
