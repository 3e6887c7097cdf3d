import Testing
@testable import SkillEx

@Suite("Score formula")
struct ScoreFormulaTests {
    private func component(_ id: String, _ weight: Double, _ value: Double?) -> ScoreComponent {
        value.map { ScoreComponent(id: id, weight: weight, value: $0, basis: "") }
            ?? ScoreComponent(missing: id, weight: weight, basis: "")
    }

    @Test("all components present: plain weighted mean")
    func allPresent() {
        var parts = [component("lint", 0.6, 90), component("static_analysis", 0.2, 50), component("coverage", 0.2, 80)]
        // 0.6*90 + 0.2*50 + 0.2*80 = 54 + 10 + 16 = 80
        #expect(ScoreFormula.combine(&parts) == 80)
        #expect(parts.map(\.effectiveWeight) == [0.6, 0.2, 0.2])
    }

    @Test("a missing component's weight is redistributed proportionally")
    func missingRedistributed() {
        var parts = [component("lint", 0.6, 85), component("static_analysis", 0.2, 60), component("coverage", 0.2, nil)]
        // (0.6*85 + 0.2*60) / 0.8 = (51 + 12) / 0.8 = 78.75 → 78.8
        #expect(ScoreFormula.combine(&parts) == 78.8)
        #expect(parts.map(\.effectiveWeight) == [0.75, 0.25, 0])
        #expect(parts[2].missing && parts[2].value == nil)
    }

    @Test("only lint has data: lint is the score, weight 1")
    func onlyLint() {
        var parts = [component("lint", 0.6, 35), component("static_analysis", 0.2, nil), component("coverage", 0.2, nil)]
        #expect(ScoreFormula.combine(&parts) == 35)
        #expect(parts[0].effectiveWeight == 1)
    }

    @Test("unequal weights with a third missing: 0.5/0.3 → 0.625/0.375")
    func unequal() {
        var parts = [component("lint", 0.5, 100), component("static_analysis", 0.2, nil), component("coverage", 0.3, 40)]
        // (0.5*100 + 0.3*40) / 0.8 = 62 / 0.8 = 77.5
        #expect(ScoreFormula.combine(&parts) == 77.5)
        #expect(parts.map(\.effectiveWeight) == [0.625, 0, 0.375])
    }

    @Test("zero total weight scores 0, never NaN")
    func zeroWeights() {
        var parts = [component("lint", 0, 90), component("coverage", 0, 10)]
        #expect(ScoreFormula.combine(&parts) == 0)
    }

    @Test("deductions group per rule and severity and saturate at each severity's cap")
    func deductions() {
        func findings(_ hits: [(String, FindingSeverity)]) -> [ScoreFinding] {
            hits.map { ScoreFinding(rule: $0.0, severity: $0.1, message: "", remediation: "", file: "f") }
        }
        // One error of each of two rules: 100 - 35 - 35 = 30.
        #expect(ScoreFormula.deductionValue(findings([("a", .error), ("b", .error)])) == 30)
        // One rule, three errors: 35 + 5 + 5 = 45 off.
        #expect(ScoreFormula.deductionValue(findings(Array(repeating: ("a", .error), count: 3))) == 55)
        // One rule with 16 warnings costs its cap (10), not 16 * 5.
        #expect(ScoreFormula.deductionValue(findings(Array(repeating: ("w", .warning), count: 16))) == 90)
        // Two warnings of one rule: 5 + 2; three notes of another: 1 + 1 + 1.
        #expect(ScoreFormula.deductionValue(findings([("w", .warning), ("w", .warning), ("n", .note), ("n", .note), ("n", .note)])) == 90)
        // One rule at two severities is two groups.
        #expect(ScoreFormula.deductionValue(findings([("s", .error), ("s", .warning)])) == 60)
        // Floored at 0.
        #expect(ScoreFormula.deductionValue(findings(["a", "b", "c"].map { ($0, .error) })) == 0)
        #expect(ScoreFormula.deductionValue([]) == 100)
    }

    @Test("a rule's penalty grows with its hits and never passes its cap", arguments: FindingSeverity.allCases)
    func penaltySaturates(severity: FindingSeverity) {
        let points = (0...40).map { severity.penalty(count: $0) }
        #expect(points[0] == 0 && points[1] == severity.deduction)
        #expect(zip(points, points.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(points.allSatisfy { $0 <= severity.cap } && points[40] == severity.cap)
    }

    @Test("one error takes a lint-only skill below the default threshold; warnings alone need four rules")
    func errorsRefuseOnTheirOwn() {
        let error = ScoreFinding(rule: "link-missing", severity: .error, message: "", remediation: "", file: "SKILL.md")
        #expect(ScoreFormula.deductionValue([error]) < ScoringSettings().threshold)
        let warnings = ["a", "b", "c"].flatMap { rule in
            Array(repeating: ScoreFinding(rule: rule, severity: .warning, message: "", remediation: "", file: "f"), count: 9)
        }
        #expect(ScoreFormula.deductionValue(warnings) >= ScoringSettings().threshold)
    }

    @Test("penalties list each group once, in first-seen order")
    func penaltyGroups() {
        let list = ["b", "a", "b"].map { ScoreFinding(rule: $0, severity: .warning, message: "", remediation: "", file: "f") }
        let groups = ScoreFormula.penalties(list)
        #expect(groups.map(\.rule) == ["b", "a"] && groups.map(\.hits) == [2, 1] && groups.map(\.points) == [7, 5])
    }

    @Test("gate verdicts")
    func verdicts() {
        #expect(GateVerdict.decide(score: 70, threshold: 70, approvalHolds: false) == .admitted)
        #expect(GateVerdict.decide(score: 69.9, threshold: 70, approvalHolds: false) == .refused)
        #expect(GateVerdict.decide(score: 10, threshold: 70, approvalHolds: true) == .approved)
    }

    @Test("history is bounded and a drop over the points is a regression")
    func history() {
        var history: [ScoreHistoryEntry] = []
        func entry(_ score: Double) -> ScoreHistoryEntry {
            ScoreHistoryEntry(at: "t\(score)", score: score, components: [:], checksum: "c")
        }
        #expect(ScoreHistoryEntry.append(entry(90), to: &history, limit: 2, points: 10) == nil)
        #expect(ScoreHistoryEntry.append(entry(80), to: &history, limit: 2, points: 10) == nil)  // drop 10 is not > 10
        let regression = ScoreHistoryEntry.append(entry(69.5), to: &history, limit: 2, points: 10)
        #expect(regression == Regression(previous: 80, current: 69.5, drop: 10.5, previousAt: "t80.0"))
        #expect(history.map(\.score) == [80, 69.5])
    }

    @Test("a repeat at the same time and checksum replaces the last entry instead of adding one")
    func historyRepeat() {
        var history = [ScoreHistoryEntry(at: "t1", score: 90, components: [:], checksum: "c")]
        let first = ScoreHistoryEntry(at: "t2", score: 70, components: [:], checksum: "c")
        let again = ScoreHistoryEntry(at: "t2", score: 75, components: [:], checksum: "c")
        #expect(ScoreHistoryEntry.append(first, to: &history, limit: 5, points: 10)?.previous == 90)
        #expect(ScoreHistoryEntry.append(again, to: &history, limit: 5, points: 10)?.current == 75)
        #expect(history.map(\.score) == [90, 75])
        let changed = ScoreHistoryEntry(at: "t2", score: 75, components: [:], checksum: "d")
        _ = ScoreHistoryEntry.append(changed, to: &history, limit: 5, points: 10)
        #expect(history.count == 3)
    }
}
