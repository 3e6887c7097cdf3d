import Foundation
import Testing
@testable import SkillEx

@Suite struct AnomalyDetectorTests {
    private func detect(_ events: [Event]) -> [Anomaly] {
        var detector = AnomalyDetector()
        for event in events { detector.add(event) }
        return detector.anomalies()
    }

    @Test func aSteadyLogHasNoAnomalies() {
        #expect(detect(TelemetryFixtures.steadyLog()).isEmpty)
    }

    @Test func findsEveryInjectedAnomaly() {
        var events = TelemetryFixtures.steadyLog()
        events += TelemetryFixtures.run(hour: 48, copied: 60)
        events += TelemetryFixtures.run(hour: 49, copied: 3, passed: 10, failed: 10)
        events += TelemetryFixtures.run(hour: 50, copied: 3, scores: ["a": 50, "b": 61], coverage: ["a": 40])
        let found = detect(events)
        #expect(found.map(\.kind).sorted() == ["coverage_drop", "score_drop", "submission_spike", "validator_regression"])
        #expect(found.first { $0.kind == "submission_spike" }?.value == 60)
        #expect(found.first { $0.kind == "score_drop" }?.skill == "a")
        #expect(found.allSatisfy { $0.isNew })
    }

    @Test func announcedAnomaliesAreNotNewAgain() {
        var events = TelemetryFixtures.steadyLog() + TelemetryFixtures.run(hour: 48, copied: 60)
        let first = detect(events)
        #expect(first.count == 1)
        events += first.map(\.event)
        let second = detect(events)
        #expect(second.count == 1)
        #expect(second.first?.isNew == false)
        #expect(second.first?.key == first.first?.key)
    }

    @Test func needsABaselineBeforeFlagging() {
        let events = (0..<3).flatMap { TelemetryFixtures.run(hour: $0, copied: $0 == 2 ? 80 : 1) }
        #expect(detect(events).isEmpty)
    }
}
