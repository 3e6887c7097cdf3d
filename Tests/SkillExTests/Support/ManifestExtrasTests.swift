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

@Suite("Fast JSON rendering gives the same bytes")
struct FastRenderingTests {
    @Test("ManifestStore.encode equals JSONWriter.data of the whole manifest")
    func manifest() throws {
        var manifest = Manifest(repositories: [RepositoryEntry(name: "r", path: "repos/r")])
        manifest.maintainers = ["alice"]
        manifest.extra.values["scoring"] = .object(["threshold": .int(65)])
        manifest.repositories[0].extra.values["reports"] = .array([.object(["kind": .string("lcov"), "path": .string("l")])])
        var skill = SkillEntry(name: "a", sourceRepo: "r", targetPath: "skills/r/a", checksum: "c", packagedAt: "t")
        skill.extra.values["score_history"] = .array([.object(["score": .double(72.5), "at": .string("t\n\"q\"")])])
        manifest.skills = [skill, SkillEntry(name: "b", sourceRepo: "r", targetPath: "skills/r/b", checksum: "d", packagedAt: "t")]
        #expect(try ManifestStore.encode(manifest) == (try JSONWriter.data(manifest)))
    }

    @Test("ScorecardStore.render equals JSONWriter.data of the run")
    func run() throws {
        let finding = ScoreFinding(rule: "r", severity: .error, message: "m \"x\"\nnext", remediation: "fix", file: "SKILL.md", line: 3)
        var components = [ScoreComponent(id: "lint", weight: 0.6, value: 80, basis: "b"), ScoreComponent(missing: "coverage", weight: 0.2, basis: "none")]
        _ = ScoreFormula.combine(&components)
        let card = Scorecard(
            repo: "r", skill: "s", checksum: "c", score: 80, components: components, findings: [finding], gate: .admitted,
            approval: Approval(by: "alice", at: "t", reason: "ok", checksum: "c", score: 80), approvalHolds: true,
            regression: Regression(previous: 95, current: 80, drop: 15, previousAt: "p"),
            tokens: TokenReport.measure(description: "d", body: "# A\ntext\n## B\n"), path: "skills/r/s")
        var other = card
        other.skill = "t"
        other.findings = []
        var run = ScoreRun(generatedAt: "now", threshold: 70, weights: ["lint": 0.6], skills: [card, other])
        run.inputsDigest = "abc"
        #expect(try ScorecardStore.render(run) == (try JSONWriter.data(run)))
        let empty = ScoreRun(generatedAt: "now", threshold: 70, weights: [:], skills: [])
        #expect(try ScorecardStore.render(empty) == (try JSONWriter.data(empty)))
    }
}
