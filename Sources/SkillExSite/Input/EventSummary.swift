import Foundation
import SkillEx

/// Everything the home page and dashboard show of the event log, folded one event at a time,
/// so a summary of the first N lines can be extended with the lines after them: a rebuild after
/// `skillex sync` decodes only what sync appended (see `EventSummaryCache`). Folding the whole log
/// gives the same summary as folding it in any number of pieces.
package struct EventSummary: Sendable, Equatable, Codable {
    /// One run: when it started, how many events it logged and how many of them failed.
    struct RunTally: Sendable, Equatable, Codable {
        var id: String
        var started: String
        var events: Int
        var failures: Int
    }

    /// What one day saw, for the dashboard's charts (sums kept as `Double` bit patterns, so the
    /// stored form gives back exactly the sums a fresh fold makes).
    package struct DayTally: Sendable, Equatable, Codable {
        var ingested: UInt64 = 0.0.bitPattern
        var validated: UInt64 = 0.0.bitPattern
        var passed: UInt64 = 0.0.bitPattern
        package var packaged: UInt64 = 0.0.bitPattern
        var anomaly = false

        static func add(_ value: Double, to sum: inout UInt64) {
            sum = (Double(bitPattern: sum) + value).bitPattern
        }
    }

    /// The most anomalies any page lists.
    static let anomalyLimit = 50

    /// False when there is no log file at all.
    var exists = false
    /// Events read.
    var eventCount = 0
    /// Lines that could not be read.
    var unreadable = 0
    /// Every run, in order of first appearance.
    var runs: [RunTally] = []
    /// Position of each run in `runs`.
    var runIndex: [String: Int] = [:]
    /// The latest `anomalyLimit` anomalies, oldest first.
    var anomalies: [RunSummary.AnomalyRow] = []
    /// Whether any event of a sync run was seen, and that last one's run id (nil when it had none).
    var sawSync = false
    var lastSyncRun: String?
    /// Skill failures (`failed` events naming a skill) by run id.
    var failures: [String: [RunSummary.FailureRow]] = [:]
    /// Repository failures (run-scope `failed` events naming a repository, no skill) by run id.
    var repoFailures: [String: [RunSummary.FailureRow]] = [:]
    /// The time of the last run that packaged each version (its run-scope `packaged` event).
    var packTimes: [String: String] = [:]
    /// Per-day tallies by `YYYY-MM-DD`.
    package var days: [String: DayTally] = [:]

    /// Folds `events` in, in order.
    package mutating func add(_ events: [EventRecord], kinds: inout EventKinds) {
        for event in events { add(event, kinds.of(event.type)) }
    }

    private mutating func add(_ event: EventRecord, _ kind: EventKinds.Kind) {
        eventCount += 1
        let failed = kind.failure || (event.error.map { $0 != .null } ?? false)
        let id = event.runId ?? "unknown"
        if let index = runIndex[id] {
            runs[index].events += 1
            if failed { runs[index].failures += 1 }
        } else {
            runIndex[id] = runs.count
            runs.append(RunTally(id: id, started: event.time ?? "", events: 1, failures: failed ? 1 : 0))
        }
        if kind.anomaly {
            anomalies.append(RunSummary.anomalyRow(event))
            if anomalies.count > Self.anomalyLimit { anomalies.removeFirst(anomalies.count - Self.anomalyLimit) }
        }
        if event.metadata?["command"] == .string("sync") {
            sawSync = true
            lastSyncRun = event.runId
        }
        if let run = event.runId, event.type == "failed", event.skill != nil {
            failures[run, default: []].append(RunSummary.failureRow(event))
        }
        if let run = event.runId, event.type == "failed", event.skill == nil, event.repo != nil {
            repoFailures[run, default: []].append(RunSummary.failureRow(event))
        }
        if kind.packaging, !event.isSkillScope, case .string(let version)? = event.metadata?["version"], let time = event.time {
            packTimes[version] = time
        }
        if let day = event.day {
            var tally = days[day] ?? DayTally()
            if kind.ingested { DayTally.add(1, to: &tally.ingested) }
            // A skill's check: `validated` (passed unless it carries an error or `valid: false`)
            // or a skill's `failed` (the check refused it), as `skillex metrics` counts them.
            if kind.validation || (event.type == "failed" && event.isSkillScope) {
                DayTally.add(1, to: &tally.validated)
                var pass = failed ? 0.0 : 1.0
                if case .bool(false)? = event.metadata?["valid"] { pass = 0 }
                DayTally.add(pass, to: &tally.passed)
            }
            // A pack's size is counted once, from the run's event; the per-skill events repeat it.
            if kind.packaging, !event.isSkillScope { DayTally.add(event.measurements?["skills"] ?? 0, to: &tally.packaged) }
            if kind.anomaly { tally.anomaly = true }
            days[day] = tally
        }
    }

    // MARK: - What the pages show

    /// The latest `limit` runs, newest first.
    package func recentRuns(limit: Int) -> [RunSummary.Row] {
        runs.suffix(limit).reversed().map {
            RunSummary.Row(id: $0.id, started: $0.started, events: $0.events, failures: $0.failures, ok: $0.failures == 0)
        }
    }

    /// The latest `limit` anomalies, newest first.
    package func latestAnomalies(limit: Int) -> [RunSummary.AnomalyRow] {
        Array(anomalies.suffix(limit).reversed())
    }

    /// The skills that failed in the most recent sync run.
    var lastSyncFailures: [RunSummary.FailureRow] {
        guard sawSync, let run = lastSyncRun else { return [] }
        return failures[run] ?? []
    }

    /// The repositories that failed in the most recent sync run (missing, no skills folder…).
    var lastSyncRepoFailures: [RunSummary.FailureRow] {
        guard sawSync, let run = lastSyncRun else { return [] }
        return repoFailures[run] ?? []
    }

    /// Days with any event, oldest first.
    package var sortedDays: [String] { days.keys.sorted() }

    // MARK: - Stored form

    /// `runIndex` is not stored: it follows from `runs`.
    enum CodingKeys: String, CodingKey {
        case exists, eventCount, unreadable, runs, anomalies, sawSync, lastSyncRun, failures, repoFailures, packTimes, days
    }

    package init() {}

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        exists = try container.decode(Bool.self, forKey: .exists)
        eventCount = try container.decode(Int.self, forKey: .eventCount)
        unreadable = try container.decode(Int.self, forKey: .unreadable)
        runs = try container.decode([RunTally].self, forKey: .runs)
        anomalies = try container.decode([RunSummary.AnomalyRow].self, forKey: .anomalies)
        sawSync = try container.decode(Bool.self, forKey: .sawSync)
        lastSyncRun = try container.decodeIfPresent(String.self, forKey: .lastSyncRun)
        failures = try container.decode([String: [RunSummary.FailureRow]].self, forKey: .failures)
        repoFailures = try container.decode([String: [RunSummary.FailureRow]].self, forKey: .repoFailures)
        packTimes = try container.decode([String: String].self, forKey: .packTimes)
        days = try container.decode([String: DayTally].self, forKey: .days)
        for (index, run) in runs.enumerated() {
            guard runIndex[run.id] == nil else { throw DecodingError.dataCorruptedError(
                forKey: .runs, in: container, debugDescription: "run \(run.id) twice") }
            runIndex[run.id] = index
        }
    }
}

/// What the pages make of an event type (`type.contains("sync")`…), worked out once per distinct
/// type: a log has a handful of types and tens of thousands of events.
package struct EventKinds {
    struct Kind {
        var anomaly: Bool
        var failure: Bool
        var ingested: Bool
        var validation: Bool
        var packaging: Bool
    }

    private var known: [String: Kind] = [:]

    package init() {}

    mutating func of(_ type: String) -> Kind {
        if let kind = known[type] { return kind }
        let kind = Kind(
            anomaly: type.contains("anomaly"), failure: type.contains("fail"),
            ingested: type.contains("sync") || type.contains("validat") || type == "started",
            validation: type.contains("validat"), packaging: type.contains("packag"))
        known[type] = kind
        return kind
    }
}
