public import Foundation

/// Which events `skillex events` shows: a time window, types and a skill.
public struct EventFilter: Sendable {
    /// Only events at or after this instant.
    public var since: Date?
    /// Only events before this instant.
    public var until: Date?
    /// Only these types (any when empty).
    public var types: Set<EventType>
    /// Only events about this skill (`name` or `repo/name`).
    public var skill: String?

    /// A filter; every part optional.
    public init(since: Date? = nil, until: Date? = nil, types: Set<EventType> = [], skill: String? = nil) {
        self.since = since
        self.until = until
        self.types = types
        self.skill = skill
    }

    /// True when `event` passes every part of the filter.
    public func matches(_ event: Event) -> Bool {
        if !types.isEmpty, !types.contains(event.type) { return false }
        if let skill {
            let full = [event.repo, event.skill].compactMap { $0 }.joined(separator: "/")
            guard event.skill == skill || full == skill else { return false }
        }
        if since != nil || until != nil {
            guard let date = event.date else { return false }
            if let since, date < since { return false }
            if let until, date >= until { return false }
        }
        return true
    }
}
