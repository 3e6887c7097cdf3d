import Foundation
import Testing
@testable import SkillEx

@Suite struct MetricsTests {
    @Test func countsOutcomesScoresAndThroughput() {
        var metrics = Metrics()
        for event in TelemetryFixtures.run(hour: 0, copied: 3, passed: 6, failed: 2, scores: ["a": 55, "b": 95]) {
            metrics.add(event)
        }
        metrics.add(Event(type: .packaged, scope: .run, measurements: ["skills": 10, "bytes": 4000, "duration_ms": 2000]))
        metrics.add(Event(type: .failed, time: TelemetryFixtures.time(hour: 1), runID: "x"))
        let text = metrics.exposition
        #expect(text.contains("skillex_runs_total 1\n"))
        #expect(text.contains("skillex_runs_failed_total 1\n"))
        #expect(text.contains("skillex_skills_total{outcome=\"validated\"} 6\n"))
        #expect(text.contains("skillex_skills_total{outcome=\"failed\"} 2\n"))
        #expect(text.contains("skillex_validation_pass_ratio 0.75\n"))
        #expect(text.contains("skillex_synced_bytes_total 300\n"))
        #expect(text.contains("skillex_packaging_skills_per_second 5\n"))
        #expect(text.contains("skillex_packaging_bytes_per_second 2000\n"))
        #expect(text.contains("skillex_skill_score_bucket{le=\"50\"} 0\n"))
        #expect(text.contains("skillex_skill_score_bucket{le=\"60\"} 1\n"))
        #expect(text.contains("skillex_skill_score_bucket{le=\"+Inf\"} 2\n"))
        #expect(text.contains("skillex_skill_score_sum 150\n"))
        #expect(text.contains("skillex_last_run_timestamp_seconds 1750000000\n"))
    }

    @Test func escapesLabelValues() {
        var metrics = Metrics()
        metrics.add(Event(type: .anomaly, metadata: ["kind": "a\"b\\c"]))
        #expect(metrics.exposition.contains("skillex_anomalies_total{kind=\"a\\\"b\\\\c\"} 1\n"))
    }
}
