import Foundation

/// Prometheus metrics computed from the event log in one streaming pass: memory depends on
/// the number of distinct event types, never on the number of events.
public struct Metrics: Sendable {
    /// Upper bounds of the score histogram's buckets (scores are 0–100).
    public static let scoreBuckets: [Double] = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]

    private(set) var eventsByType: [String: Int] = [:]
    private(set) var skillsByOutcome: [String: Int] = [:]
    private(set) var anomaliesByKind: [String: Int] = [:]
    private(set) var runs = 0
    private(set) var failedRuns = 0
    private(set) var lastRun: Double?
    private(set) var syncedBytes = 0.0
    private(set) var packSkills = 0.0
    private(set) var packBytes = 0.0
    private(set) var packSeconds = 0.0
    private(set) var scoreCounts = [Int](repeating: 0, count: Metrics.scoreBuckets.count)
    private(set) var scoreCount = 0
    private(set) var scoreSum = 0.0
    /// Lines of the log that did not parse (torn or foreign).
    public var skippedLines = 0

    /// Empty metrics.
    public init() {}

    /// Streams `log` into metrics.
    public static func compute(_ log: EventLog) throws -> Metrics {
        var metrics = Metrics()
        try log.read(skipped: { _, _ in metrics.skippedLines += 1 }) { metrics.add($0) }
        return metrics
    }

    /// Counts one event.
    public mutating func add(_ event: Event) {
        eventsByType[event.type.rawValue, default: 0] += 1
        let m = event.measurements
        switch event.scope {
        case .run:
            if event.type == .started {
                runs += 1
                if let date = event.date { lastRun = max(lastRun ?? 0, date.timeIntervalSince1970) }
            }
            if event.type == .failed, event.repo == nil { failedRuns += 1 }
            if event.type == .packaged {
                packSkills += m["skills"] ?? 0
                packBytes += m["bytes"] ?? 0
                packSeconds += (m["duration_ms"] ?? 0) / 1000
            }
        case .skill:
            if event.type != .started, event.type != .anomaly {
                skillsByOutcome[event.type.rawValue, default: 0] += 1
            }
            if event.type == .synced { syncedBytes += m["bytes"] ?? 0 }
        }
        if event.type == .scored, let score = m["score"] {
            scoreCount += 1
            scoreSum += score
            for (index, bound) in Metrics.scoreBuckets.enumerated() where score <= bound {
                scoreCounts[index] += 1
            }
        }
        if event.type == .anomaly {
            anomaliesByKind[event.metadata["kind"] ?? "unknown", default: 0] += 1
        }
    }

    /// Validated ÷ (validated + failed) over skill events; nil before any.
    public var validationPassRatio: Double? {
        let passed = skillsByOutcome["validated", default: 0]
        let total = passed + skillsByOutcome["failed", default: 0]
        return total == 0 ? nil : Double(passed) / Double(total)
    }

    /// The Prometheus text exposition format (version 0.0.4).
    public var exposition: String {
        var out = PrometheusText()
        out.family("skillex_runs_total", .counter, "Runs started (skillex commands that emit events).")
        out.sample("skillex_runs_total", Double(runs))
        out.family("skillex_runs_failed_total", .counter, "Runs that ended with failures.")
        out.sample("skillex_runs_failed_total", Double(failedRuns))
        out.family("skillex_last_run_timestamp_seconds", .gauge, "Start of the latest run, Unix seconds.")
        out.sample("skillex_last_run_timestamp_seconds", lastRun ?? 0)
        out.family("skillex_events_total", .counter, "Events in the log by type.")
        for type in eventsByType.keys.sorted() {
            out.sample("skillex_events_total", Double(eventsByType[type, default: 0]), ["type": type])
        }
        out.family("skillex_skills_total", .counter, "Per-skill outcomes (validated, failed, synced, …).")
        for outcome in skillsByOutcome.keys.sorted() {
            out.sample("skillex_skills_total", Double(skillsByOutcome[outcome, default: 0]), ["outcome": outcome])
        }
        out.family("skillex_validation_pass_ratio", .gauge, "Validated ÷ (validated + failed) skills.")
        out.sample("skillex_validation_pass_ratio", validationPassRatio ?? .nan)
        out.family("skillex_synced_bytes_total", .counter, "Bytes of skills synced.")
        out.sample("skillex_synced_bytes_total", syncedBytes)
        packaging(&out)
        out.family("skillex_skill_score", .histogram, "Skill scores (0–100) from scored events.")
        for (index, bound) in Metrics.scoreBuckets.enumerated() {
            out.sample("skillex_skill_score_bucket", Double(scoreCounts[index]), ["le": PrometheusText.number(bound)])
        }
        out.sample("skillex_skill_score_bucket", Double(scoreCount), ["le": "+Inf"])
        out.sample("skillex_skill_score_sum", scoreSum)
        out.sample("skillex_skill_score_count", Double(scoreCount))
        out.family("skillex_anomalies_total", .counter, "Anomalies flagged, by kind.")
        for kind in anomaliesByKind.keys.sorted() {
            out.sample("skillex_anomalies_total", Double(anomaliesByKind[kind, default: 0]), ["kind": kind])
        }
        out.family("skillex_event_log_skipped_lines", .gauge, "Log lines that did not parse (torn writes).")
        out.sample("skillex_event_log_skipped_lines", Double(skippedLines))
        return out.text
    }

    private func packaging(_ out: inout PrometheusText) {
        out.family("skillex_packaged_skills_total", .counter, "Skills written into packs.")
        out.sample("skillex_packaged_skills_total", packSkills)
        out.family("skillex_packaged_bytes_total", .counter, "Bytes of packs written.")
        out.sample("skillex_packaged_bytes_total", packBytes)
        out.family("skillex_packaging_seconds_total", .counter, "Time spent packaging.")
        out.sample("skillex_packaging_seconds_total", packSeconds)
        out.family("skillex_packaging_skills_per_second", .gauge, "Packaging throughput in skills/s.")
        out.sample("skillex_packaging_skills_per_second", packSeconds > 0 ? packSkills / packSeconds : 0)
        out.family("skillex_packaging_bytes_per_second", .gauge, "Packaging throughput in bytes/s.")
        out.sample("skillex_packaging_bytes_per_second", packSeconds > 0 ? packBytes / packSeconds : 0)
    }
}
