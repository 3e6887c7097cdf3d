import Foundation
import SkillEx

/// One event as a line of text for `skillex events`.
enum EventTextLine {
    static func format(_ event: Event) -> String {
        let subject = [event.repo, event.skill].compactMap { $0 }.joined(separator: "/")
        var parts = [event.time, Terminal.paint(event.type.rawValue, color(event.type)), event.scope.rawValue]
        if !subject.isEmpty { parts.append(subject) }
        for key in event.measurements.keys.sorted() {
            if let value = event.measurements[key] { parts.append("\(key)=\(number(value))") }
        }
        for key in event.metadata.keys.sorted() {
            if let value = event.metadata[key] { parts.append("\(key)=\(value)") }
        }
        if let error = event.error { parts.append("error=\(error.reason): \(error.message)") }
        return parts.joined(separator: " ")
    }

    private static func color(_ type: EventType) -> String {
        switch type {
        case .failed, .rejected: "31"
        case .anomaly: "33"
        case .validated, .synced, .packaged, .published, .finished: "32"
        default: "36"
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.3f", value)
    }
}
