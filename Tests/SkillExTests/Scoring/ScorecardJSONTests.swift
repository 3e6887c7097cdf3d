import Foundation
import Testing
@testable import SkillEx

@Suite("Scorecard JSON writer")
struct ScorecardJSONTests {
    private func card(_ seed: Int) -> Scorecard {
        let texts = ["plain", "quote \" and \\ back", "tab\tnew\nline\r", "ünïcödé ✓ 🚀", "ctl \u{1}\u{1f}", "", "a/b"]
        func text(_ k: Int) -> String { texts[(seed + k) % texts.count] }
        var components = [
            ScoreComponent(id: "lint", weight: 0.6, value: Double(seed % 101) + (seed % 3 == 0 ? 0 : 0.25), basis: text(1)),
            ScoreComponent(missing: "coverage", weight: 0.2, basis: text(2)),
        ]
        if seed % 2 == 0 { components.append(ScoreComponent(id: "static_analysis", weight: 1e-5, value: 1.0 / 3, basis: text(3))) }
        let score = ScoreFormula.combine(&components)
        let findings = (0..<(seed % 4)).map { index in
            ScoreFinding(
                rule: "rule-\(index)", severity: FindingSeverity.allCases[index % 3], message: text(index),
                remediation: text(index + 1), file: text(index + 2), line: index % 2 == 0 ? nil : index * 7,
                component: index == 2 ? ComponentID.staticAnalysis : ComponentID.lint)
        }
        let sections = (0..<(seed % 3)).map { TokenReport.Section(heading: text($0), level: $0, line: $0 + 1, tokens: seed * $0) }
        return Scorecard(
            repo: text(4), skill: "skill-\(seed)", checksum: String(repeating: "ab", count: 32), score: score,
            components: components, findings: findings, gate: [GateVerdict.admitted, .refused, .approved][seed % 3],
            approval: seed % 3 == 2 ? Approval(by: text(5), at: "2026-01-02T03:04:05Z", reason: text(6), checksum: "c", score: 42.5) : nil,
            approvalHolds: seed % 3 == 2,
            regression: seed % 4 == 1 ? Regression(previous: 90, current: 60.5, drop: 29.5, previousAt: text(0)) : nil,
            tokens: TokenReport(description: seed, body: seed * 10, sections: sections), path: "skills/\(text(4))/s")
    }

    @Test("every card shape: the same bytes as JSONWriter")
    func sameBytes() throws {
        for seed in 0..<60 {
            let value = card(seed)
            var out: [UInt8] = []
            #expect(ScorecardJSON.write(value, indent: 0, into: &out))
            out.append(0x0A)
            #expect(Data(out) == (try JSONWriter.data(value)), "seed \(seed)")
        }
    }

    @Test("a whole run: render equals JSONWriter.data, for 0, 1 and many cards")
    func wholeRun() throws {
        for count in [0, 1, 2, 33, 70] {
            var run = ScoreRun(
                generatedAt: "2026-01-02T03:04:05Z", threshold: 70, weights: ["lint": 0.6, "coverage": 0.2],
                skills: (0..<count).map(card))
            run.inputsDigest = count % 2 == 0 ? "digest" : nil
            #expect(try ScorecardStore.render(run) == (try JSONWriter.data(run)), "count \(count)")
        }
    }

    @Test("a run written over SkillEx's own scorecards file copies the unchanged cards and has the bytes of a full render")
    func writtenCards() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("scorecards.json").path
        var run = ScoreRun(generatedAt: "2026-01-02T03:04:05Z", threshold: 70, weights: ["lint": 1], skills: (0..<40).map(card))
        try ScorecardStore.render(run).write(to: URL(fileURLWithPath: path))
        // Not recorded as SkillEx's write: nothing is kept to copy.
        _ = try ScorecardStore.decode(try Data(contentsOf: URL(fileURLWithPath: path)), rememberingFor: path)
        #expect(WrittenCards.entries(path: path) == nil)
        WrittenCards.noteWritten(path: path)
        _ = try ScorecardStore.decode(try Data(contentsOf: URL(fileURLWithPath: path)), rememberingFor: path)
        let written = try #require(WrittenCards.entries(path: path))
        run.skills[7] = card(107)
        run.skills.remove(at: 20)
        run.skills.append(card(3))
        #expect(try ScorecardStore.render(run, reusing: written) == (try JSONWriter.data(run)))
        // The bytes copied are the file's: a card equal to the one read shows its stored bytes.
        let fake = try #require(WrittenEntries(bytes: Data("<card>".utf8), spans: [0..<6], items: [run.skills[0]]))
        #expect(String(decoding: try ScorecardStore.render(run, reusing: fake), as: UTF8.self).contains("    <card>,\n"))
        // Changed on disk since: not the file read.
        try Data("{}".utf8).write(to: URL(fileURLWithPath: path))
        #expect(WrittenCards.entries(path: path) == nil)
    }

    @Test("stored cards read from the tree equal the decoder's, for every shape")
    func readBack() throws {
        for seed in 0..<60 {
            let value = card(seed)
            let tree = try JSONValueParser.parse(try JSONWriter.data(value))
            let fast = ScorecardTree.card(tree)
            #expect(fast != nil, "seed \(seed)")
            #expect(fast == JSONTreeDecoder.value(Scorecard.self, tree: tree), "seed \(seed)")
        }
    }

    @Test("a card of another shape is left to the decoder")
    func otherShapes() throws {
        let tree = try JSONValueParser.parse(try JSONWriter.data(card(3)))
        guard case .object(var fields) = tree else { Issue.record("not an object"); return }
        fields["extra"] = .string("x")
        #expect(ScorecardTree.card(.object(fields)) == nil)
        fields["extra"] = nil
        fields["score"] = .string("high")
        #expect(ScorecardTree.card(.object(fields)) == nil)
        fields["score"] = .int(50)
        fields["gate"] = .string("maybe")
        #expect(ScorecardTree.card(.object(fields)) == nil)
    }

    @Test("a number JSON cannot carry fails like the encoder")
    func nonFinite() {
        var value = card(1)
        value.score = .nan
        var out: [UInt8] = []
        #expect(!ScorecardJSON.write(value, indent: 0, into: &out))
        let run = ScoreRun(generatedAt: "t", threshold: 70, weights: [:], skills: [value])
        #expect(throws: (any Error).self) { try ScorecardStore.render(run) }
    }
}
