/// The name of an event, like an Erlang `:telemetry` event name; open so logs written by a
/// newer SkillEx (with types added since) still read.
public struct EventType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The name as written in the log.
    public var rawValue: String

    /// A type with any name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A run or a skill's processing began.
    public static let started = EventType(rawValue: "started")
    /// A run ended without failures.
    public static let finished = EventType(rawValue: "finished")
    /// A skill passed validation (spec rules and external validators).
    public static let validated = EventType(rawValue: "validated")
    /// A skill (or a whole pack, with scope `run`) was packaged.
    public static let packaged = EventType(rawValue: "packaged")
    /// A skill failed, or a run ended with failures.
    public static let failed = EventType(rawValue: "failed")
    /// A skill was copied into the skills folder (older logs also hold `skipped` ones for unchanged skills).
    public static let synced = EventType(rawValue: "synced")
    /// A skill received a score.
    public static let scored = EventType(rawValue: "scored")
    /// The gate refused a skill.
    public static let rejected = EventType(rawValue: "rejected")
    /// A maintainer approved a refused skill.
    public static let approved = EventType(rawValue: "approved")
    /// A pack was published to storage.
    public static let published = EventType(rawValue: "published")
    /// The anomaly detector flagged something.
    public static let anomaly = EventType(rawValue: "anomaly")

    /// Every type this version writes; the schema's `type` enumeration.
    public static let known: [EventType] = [
        .started, .finished, .validated, .packaged, .failed, .synced, .scored, .rejected,
        .approved, .published, .anomaly,
    ]

    /// The raw name.
    public var description: String { rawValue }

    /// Decodes the name.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Whether an event is about one skill or about a whole run.
public enum EventScope: String, Sendable, Codable, CaseIterable {
    /// The event concerns a run of a command (`run_id`).
    case run
    /// The event concerns one skill (`repo`, `skill`).
    case skill
}
