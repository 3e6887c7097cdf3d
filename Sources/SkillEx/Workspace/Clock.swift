public import Foundation

/// Where "now" comes from: the system clock, or a fixed instant for `--clock` and tests.
public struct Clock: Sendable {
    /// Returns the current instant.
    public var now: @Sendable () -> Date

    /// A clock that reads `now`.
    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    /// The system clock.
    public static let system = Clock(now: { Date() })

    /// A clock frozen at `date`.
    public static func fixed(_ date: Date) -> Clock { Clock(now: { date }) }
}

/// RFC 3339 / ISO 8601 timestamps as SkillEx writes and reads them.
public enum Timestamp {
    /// `2025-01-02T03:04:05Z` (seconds precision, UTC), the manifest's format.
    public static func string(_ date: Date) -> String {
        seconds.string(from: date)
    }

    /// `2025-01-02T03:04:05.678Z` (milliseconds, UTC), the event log's format.
    public static func millisecondString(_ date: Date) -> String {
        milliseconds.string(from: date)
    }

    /// Parses ISO 8601 with or without fractional seconds; nil when it is not a timestamp.
    public static func parse(_ text: String) -> Date? {
        milliseconds.date(from: text) ?? seconds.date(from: text)
            ?? dateOnly.date(from: text)
    }

    nonisolated(unsafe) private static let seconds: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter
    }()
    nonisolated(unsafe) private static let milliseconds: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()
    nonisolated(unsafe) private static let dateOnly: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter
    }()
}
