import Foundation
import Testing
@testable import SkillEx

@Suite("Scorecard reader (the one reader of scorecards.json)")
struct ScorecardReadTests {
    private func temp() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-cards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a file of an earlier shape reads, the fields added since read as empty")
    func earlierShape() throws {
        // The first shape of docs/architecture.md: no path, approval_holds, tokens, basis,
        // component, formula, weights, summary or inputs_digest.
        let text = """
            {"generated_at": "2025-10-01T00:00:00Z", "threshold": 70, "skills": [
              {"repo": "acme", "skill": "pdf", "checksum": "c1", "score": 82.5, "gate": "admitted",
               "components": [{"id": "lint", "weight": 0.5, "effective_weight": 0.625, "value": 90.0, "missing": false}],
               "findings": [{"rule": "body.long", "severity": "warning", "message": "long", "remediation": "Split it.",
                             "file": "SKILL.md", "line": 12}]},
              {"repo": "acme", "skill": "old", "score": 40, "gate": "refused"}]}
            """
        let run = try ScorecardStore.decode(Data(text.utf8))
        #expect(run.threshold == 70 && run.generatedAt == "2025-10-01T00:00:00Z")
        #expect(run.formula == "" && run.weights.isEmpty && run.inputsDigest == nil)
        #expect(run.summary.scored == 2 && run.summary.admitted == 1 && run.summary.refused == 1)
        let card = try #require(run.skills.first)
        #expect(card.path == "" && !card.approvalHolds && card.tokens == .empty && card.regression == nil)
        #expect(card.components.map(\.basis) == [""] && card.components.map(\.effectiveWeight) == [0.625])
        #expect(card.findings.map(\.component) == [ComponentID.lint] && card.findings.map(\.line) == [12])
        let bare = run.skills[1]
        #expect(bare.checksum == "" && bare.components.isEmpty && bare.findings.isEmpty && bare.gate == .refused)
    }

    @Test("what the scorer writes reads back equal, through the fast path and the decoder alike")
    func roundTrip() throws {
        let folder = try temp()
        defer { try? FileManager.default.removeItem(at: folder) }
        var components = [ScoreComponent(id: "lint", weight: 1, value: 75, basis: "1 warning")]
        let score = ScoreFormula.combine(&components)
        let card = Scorecard(
            repo: "acme", skill: "pdf", checksum: "c1", score: score, components: components,
            findings: [ScoreFinding(rule: "r", severity: .warning, message: "m", remediation: "fix", file: "SKILL.md", line: 3)],
            gate: .admitted, approval: nil, approvalHolds: false, regression: nil, tokens: .empty, path: "skills/acme/pdf")
        var run = ScoreRun(generatedAt: "2026-01-01T00:00:00Z", threshold: 70, weights: ["lint": 1], skills: [card])
        run.inputsDigest = "d"
        let data = try ScorecardStore.render(run)
        #expect(try ScorecardStore.decode(data) == run)
        #expect(try JSONDecoder().decode(ScoreRun.self, from: data) == run)
        let url = folder.appendingPathComponent("scorecards.json")
        #expect(try ScorecardStore.read(at: url) == nil)  // no file: no run
        try data.write(to: url)
        #expect(try ScorecardStore.read(at: url) == run)
    }

    @Test("a malformed file is an error naming what is wrong; a required field missing is one too")
    func malformed() throws {
        #expect(throws: (any Error).self) { try ScorecardStore.decode(Data("{\"threshold\": ".utf8)) }
        #expect(throws: (any Error).self) {
            try ScorecardStore.decode(Data(#"{"threshold": 70, "skills": [{"repo": "a", "skill": "b", "gate": "admitted"}]}"#.utf8))
        }
        do {
            _ = try ScorecardStore.decode(Data(#"{"threshold": 70, "skills": [{"repo": "a", "skill": "b", "score": 1, "gate": "maybe"}]}"#.utf8))
            Issue.record("an unknown gate was read")
        } catch {
            #expect(ErrorText.decoding(error).contains("maybe"))
        }
    }
}
