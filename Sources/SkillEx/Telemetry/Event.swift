public import Foundation

/// One telemetry event: a name, numbers (`measurements`) and strings (`metadata`) about a run
/// or a skill. The shape is the contract of `.skillex/events.jsonl` and
/// `schemas/event.schema.json`; adding a field or a type is additive, removing or retyping a
/// field bumps `Event.currentSchemaVersion`.
public struct Event: Sendable, Codable, Equatable {
    /// The schema version this SkillEx writes.
    public static let currentSchemaVersion = 1

    /// Version of the shape of this event.
    public var schemaVersion: Int
    /// Unique id (UUID, lowercase).
    public var id: String
    /// What happened.
    public var type: EventType
    /// Whether the event concerns a run or a skill.
    public var scope: EventScope
    /// When (RFC 3339, UTC, milliseconds); stamped by the bus when empty.
    public var time: String
    /// The run (one command invocation) that emitted the event; stamped by the bus when empty.
    public var runID: String
    /// Source repository, for skill events.
    public var repo: String?
    /// Skill name, for skill events.
    public var skill: String?
    /// Numbers: `duration_ms`, `bytes`, counts, `score`, `coverage`, …
    public var measurements: [String: Double]
    /// Strings: `command`, `status`, … (never secrets).
    public var metadata: [String: String]
    /// Why it failed, on `failed` events.
    public var error: EventError?

    /// An event; `scope` defaults to `skill` when a skill is named, `run` otherwise.
    public init(
        type: EventType, scope: EventScope? = nil, repo: String? = nil, skill: String? = nil,
        measurements: [String: Double] = [:], metadata: [String: String] = [:],
        error: EventError? = nil, time: String = "", runID: String = "",
        id: String = UUID().uuidString.lowercased()
    ) {
        self.schemaVersion = Event.currentSchemaVersion
        self.id = id
        self.type = type
        self.scope = scope ?? (skill == nil ? .run : .skill)
        self.time = time
        self.runID = runID
        self.repo = repo
        self.skill = skill
        self.measurements = measurements
        self.metadata = metadata
        self.error = error
    }

    /// The event's time as a date, when it parses.
    public var date: Date? { Timestamp.parse(time) }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", id, type, scope, time, runID = "run_id", repo, skill
        case measurements, metadata, error
    }
}

/// The failure carried by a `failed` event.
public struct EventError: Sendable, Codable, Equatable {
    /// Machine-readable code, e.g. `invalid_skill`, `copy_failed`.
    public var reason: String
    /// One-line explanation.
    public var message: String

    /// An error value.
    public init(reason: String, message: String) {
        self.reason = reason
        self.message = message
    }
}
