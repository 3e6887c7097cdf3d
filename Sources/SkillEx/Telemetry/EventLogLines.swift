import Logging

/// The default handler that turns each event into one swift-log line: run events at `info`,
/// skill events at `debug`, failures at `warning` and anomalies at `notice`; metadata carries
/// `run_id`, `repo`, `skill`, the event type and its measurements.
struct EventLogLines: Sendable {
    let logger: Logger

    init(label: String) { logger = Logger(label: label) }

    func log(_ event: Event) {
        // The logger drops lines below its level: check first, before building the metadata.
        let level = level(event)
        guard logger.logLevel <= level else { return }
        var metadata: Logger.Metadata = ["run_id": .string(event.runID), "event": .string(event.type.rawValue)]
        if let repo = event.repo { metadata["repo"] = .string(repo) }
        if let skill = event.skill { metadata["skill"] = .string(skill) }
        for (key, value) in event.measurements { metadata[key] = .string(Event.measurementText(value)) }
        for (key, value) in event.metadata where metadata[key] == nil { metadata[key] = .string(value) }
        if let error = event.error { metadata["reason"] = .string(error.reason) }
        logger.log(level: level, "\(message(event))", metadata: metadata)
    }

    private func level(_ event: Event) -> Logger.Level {
        switch event.type {
        case .failed: .warning
        case .anomaly: .notice
        default: event.scope == .run ? .info : .debug
        }
    }

    private func message(_ event: Event) -> String {
        let subject = [event.repo, event.skill].compactMap { $0 }.joined(separator: "/")
        var text = subject.isEmpty ? "\(event.scope.rawValue) \(event.type.rawValue)" : "\(subject) \(event.type.rawValue)"
        if let error = event.error { text += ": \(error.message)" }
        if let note = event.metadata["message"] { text += ": \(note)" }
        return text
    }
}

extension Event {
    /// A measurement as log text: whole numbers (counts) as integers, `copied=15` not `15.0`;
    /// others as Swift prints them.
    public static func measurementText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
