import SkillEx

// Small Decodable mirrors of the files other stages write (docs/architecture.md, "Files between
// stages"). Every field is optional: the site shows what is there and says when nothing is.

/// `.skillex/scorecards.json`.
struct ScorecardFile: Sendable, Decodable, Equatable {
    var generatedAt: String?
    var threshold: Double?
    var skills: [ScorecardEntry]?

    enum CodingKeys: String, CodingKey { case generatedAt = "generated_at", threshold, skills }
}

/// One skill's scorecard.
struct ScorecardEntry: Sendable, Codable, Equatable {
    var repo: String
    var skill: String
    var checksum: String?
    var score: Double?
    var components: [ScoreComponent]?
    var findings: [ScoreFinding]?
    var gate: String?
    var approval: Approval?
}

/// One weighted part of a score.
struct ScoreComponent: Sendable, Codable, Equatable {
    var id: String
    var weight: Double?
    var effectiveWeight: Double?
    var value: Double?
    var missing: Bool?
    /// What the value was computed from (for lint: each rule's penalty).
    var basis: String?

    enum CodingKeys: String, CodingKey {
        case id, weight, effectiveWeight = "effective_weight", value, missing, basis
    }
}

/// One finding with its remediation note.
struct ScoreFinding: Sendable, Codable, Equatable {
    var rule: String?
    var severity: String?
    var message: String?
    var remediation: String?
    var file: String?
    var line: Int?
    var risk: String?
    var refuses: Bool?
}

/// A maintainer's override of the gate.
struct Approval: Sendable, Codable, Equatable {
    var by: String?
    var at: String?
    var reason: String?
    var checksum: String?
    var score: Double?
}

/// One point of a skill's `score_history` in the manifest.
struct ScoreHistoryPoint: Sendable, Codable, Equatable {
    var at: String
    var score: Double
    var checksum: String?
}

/// `dist/index.json`.
struct PackIndex: Sendable, Decodable, Equatable {
    var latest: String?
    var versions: [PackVersion]?
}

/// One released version of the pack.
struct PackVersion: Sendable, Decodable, Equatable {
    var version: String
    var createdAt: String?
    var pack: PackFile?
    /// The pack index beside the pack (`skills-pack-<version>.json`).
    var index: PackFile?
    var skills: Int?
    var deltas: [PackDelta]?

    enum CodingKeys: String, CodingKey { case version, createdAt = "created_at", pack, index, skills, deltas }
}

/// A file of a version (the pack or its index).
struct PackFile: Sendable, Decodable, Equatable {
    var file: String
    var size: Int64?
    var sha256: String?
}

/// A delta from an earlier version.
struct PackDelta: Sendable, Decodable, Equatable {
    var from: String
    var file: String
    var size: Int64?
    var sha256: String?
}

/// One line of `.skillex/events.jsonl`.
struct EventRecord: Sendable, Decodable, Equatable {
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

/// The manifest's `site` section.
public struct SiteSettings: Sendable, Codable, Equatable {
    /// The site's title.
    public var title: String?
    /// Where readers send roadmap feedback.
    public var feedbackURL: String?
    /// The cookbook folder, relative to the manifest; `docs/cookbook` when absent.
    public var cookbookDir: String?

    enum CodingKeys: String, CodingKey {
        case title, feedbackURL = "feedback_url", cookbookDir = "cookbook_dir"
    }

    /// Settings with every field absent.
    public init(title: String? = nil, feedbackURL: String? = nil, cookbookDir: String? = nil) {
        self.title = title
        self.feedbackURL = feedbackURL
        self.cookbookDir = cookbookDir
    }
}
