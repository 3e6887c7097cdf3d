import Foundation
import SkillEx

/// Temp folders and generated event streams for the telemetry tests.
enum TelemetryFixtures {
    static func tempFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-telemetry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let start = Date(timeIntervalSince1970: 1_750_000_000)

    static func time(hour: Int, minute: Int = 0) -> String {
        Timestamp.millisecondString(start.addingTimeInterval(Double(hour * 3600 + minute * 60)))
    }

    /// One hourly sync run: `copied` skills synced, `passed`/`failed` validations, and optional
    /// scores per skill.
    static func run(
        hour: Int, copied: Int, passed: Int = 10, failed: Int = 0, scores: [String: Double] = [:],
        coverage: [String: Double] = [:]
    ) -> [Event] {
        let runID = UUID().uuidString.lowercased()
        let at = time(hour: hour)
        var events = [Event(type: .started, time: at, runID: runID)]
        for index in 0..<passed {
            events.append(Event(type: .validated, repo: "r", skill: "s\(index)", time: at, runID: runID))
        }
        for index in 0..<failed {
            events.append(Event(
                type: .failed, repo: "r", skill: "f\(index)", error: EventError(reason: "invalid_skill", message: "bad"),
                time: at, runID: runID))
        }
        for index in 0..<copied {
            events.append(Event(
                type: .synced, repo: "r", skill: "c\(index)", measurements: ["bytes": 100],
                metadata: ["status": "copied"], time: at, runID: runID))
        }
        for skill in Set(scores.keys).union(coverage.keys).sorted() {
            var measurements: [String: Double] = [:]
            measurements["score"] = scores[skill]
            measurements["coverage"] = coverage[skill]
            events.append(Event(type: .scored, repo: "r", skill: skill, measurements: measurements, time: at, runID: runID))
        }
        events.append(Event(type: .finished, time: at, runID: runID))
        return events
    }

    /// 48 hourly runs with small, varying numbers, steady pass rate and scores.
    static func steadyLog() -> [Event] {
        var events: [Event] = []
        for hour in 0..<48 {
            let wobble = Double(hour % 5)
            let scores: [String: Double] = ["a": 80 + wobble, "b": 60 + Double(hour % 3)]
            let coverage: [String: Double] = ["a": 70 + Double(hour % 3)]
            events += run(
                hour: hour, copied: 2 + hour % 4, passed: 18 + hour % 3, failed: hour % 2,
                scores: scores, coverage: coverage)
        }
        return events
    }
}
