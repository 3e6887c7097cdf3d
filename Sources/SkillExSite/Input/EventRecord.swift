import SkillEx

/// One line of `.skillex/events.jsonl`.
package struct EventRecord: Sendable, Decodable, Equatable {
    var type: String
    /// `run` or `skill`; absent in logs of old versions (then a skill name means `skill`).
    var scope: String?
    var time: String?
    var runId: String?
    var repo: String?
    var skill: String?
    var measurements: [String: Double]?
    var metadata: [String: JSONValue]?
    var error: JSONValue?

    enum CodingKeys: String, CodingKey {
        case type, scope, time, runId = "run_id", repo, skill, measurements, metadata, error
    }

    /// The site's view of an event SkillEx wrote.
    init(_ event: Event) {
        type = event.type.rawValue
        scope = event.scope.rawValue
        time = event.time
        runId = event.runID
        repo = event.repo
        skill = event.skill
        measurements = event.measurements
        metadata = event.metadata.mapValues { JSONValue.string($0) }
        error = event.error.map { .object(["reason": .string($0.reason), "message": .string($0.message)]) }
    }

    /// True for events that report an anomaly (`anomaly`, `anomaly.detected`…).
    var isAnomaly: Bool { type.contains("anomaly") }
    /// True for failures (`failed`, `sync.failed`…) or events carrying an error.
    var isFailure: Bool {
        if type.contains("fail") { return true }
        if let error, error != .null { return true }
        return false
    }
    /// True for an event about one skill (scope `skill`, or a skill named when the scope is absent).
    var isSkillScope: Bool { scope.map { $0 == "skill" } ?? (skill != nil) }
    /// The day part of `time` (`2025-01-31`), for charts.
    var day: String? { time.map { String($0.prefix(10)) } }
}
