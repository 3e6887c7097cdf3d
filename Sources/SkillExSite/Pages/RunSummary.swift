import SkillEx

/// Runs and anomalies read from the event log, for the home page, dashboard and report. The
/// pages use `EventSummary`, which folds the log incrementally; these functions over a whole list
/// of events are the reference it is tested against.
package enum RunSummary {
    package struct Row: Sendable, Encodable, Equatable { var id: String; var started: String; var events: Int; var failures: Int; var ok: Bool }
    package struct AnomalyRow: Sendable, Equatable, Codable { var time: String; var type: String; var subject: String; var detail: String }
    struct FailureRow: Sendable, Equatable, Codable { var subject: String; var reason: String; var message: String }

    /// The skills that failed in the most recent sync run (invalid, unsafe symlink, validator
    /// failure…): they are not in the manifest, so the log is where the site learns of them.
    static func lastSyncFailures(_ events: [EventRecord]) -> [FailureRow] {
        guard let run = events.last(where: { $0.metadata?["command"] == .string("sync") })?.runId else { return [] }
        return events.filter { $0.runId == run && $0.type == "failed" && $0.skill != nil }.map(failureRow)
    }

    /// The row of a failure event.
    static func failureRow(_ event: EventRecord) -> FailureRow {
        var reason = "", message = ""
        if case .object(let error)? = event.error {
            if case .string(let text)? = error["reason"] { reason = text }
            if case .string(let text)? = error["message"] { message = text }
        }
        return FailureRow(
            subject: [event.repo, event.skill].compactMap { $0 }.joined(separator: "/"), reason: reason,
            message: message)
    }

    /// The latest `limit` runs, newest first.
    static func recentRuns(_ events: [EventRecord], limit: Int) -> [Row] {
        var order: [String] = []
        var rows: [String: Row] = [:]
        for event in events {
            let id = event.runId ?? "unknown"
            if rows[id] == nil {
                order.append(id)
                rows[id] = Row(id: id, started: event.time ?? "", events: 0, failures: 0, ok: true)
            }
            rows[id]?.events += 1
            if event.isFailure {
                rows[id]?.failures += 1
                rows[id]?.ok = false
            }
        }
        return order.reversed().prefix(limit).compactMap { rows[$0] }
    }

    /// The latest `limit` anomaly events, newest first.
    static func anomalies(_ events: [EventRecord], limit: Int) -> [AnomalyRow] {
        events.filter(\.isAnomaly).reversed().prefix(limit).map(anomalyRow)
    }

    /// The row of an anomaly event.
    static func anomalyRow(_ event: EventRecord) -> AnomalyRow {
        let subject = [event.repo, event.skill].compactMap { $0 }.joined(separator: "/")
        return AnomalyRow(
            time: event.time ?? "", type: event.type, subject: subject.isEmpty ? "hub" : subject,
            detail: detail(event))
    }

    /// A one-line description from the event's metadata (`kind`, `message`, `reason`) or measurements.
    static func detail(_ event: EventRecord) -> String {
        for key in ["message", "reason", "kind", "detail"] {
            if case .string(let text)? = event.metadata?[key] { return text }
        }
        let measures = (event.measurements ?? [:]).sorted { $0.key < $1.key }
            .map { "\($0.key) \(Formatting.score($0.value) ?? "")" }
        return measures.joined(separator: ", ")
    }
}
