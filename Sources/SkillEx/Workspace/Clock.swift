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
        utc(date, milliseconds: false) ?? seconds.string(from: date)
    }

    /// `2025-01-02T03:04:05.678Z` (milliseconds, UTC), the event log's format.
    public static func millisecondString(_ date: Date) -> String {
        utc(date, milliseconds: true) ?? milliseconds.string(from: date)
    }

    /// The UTC text of `date` for years 1970–9999 without ICU (whose first use costs a few
    /// milliseconds of start-up); the same text `ISO8601DateFormatter` gives: the instant is
    /// rounded to the nearest millisecond first, halves away from zero. Nil outside that range.
    static func utc(_ date: Date, milliseconds withMilliseconds: Bool) -> String? {
        let seconds = date.timeIntervalSince1970
        guard seconds >= 0, seconds < 253_402_300_800 else { return nil }
        let total = Int(saturating: (seconds * 1000).rounded())
        var whole = time_t(total / 1000)
        var parts = tm()
        guard gmtime_r(&whole, &parts) != nil else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(24)
        func digits(_ value: Int32, _ count: Int) {
            var divisor: Int32 = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8((value / divisor) % 10))
                divisor /= 10
            }
        }
        digits(parts.tm_year + 1900, 4)
        out.append(UInt8(ascii: "-"))
        digits(parts.tm_mon + 1, 2)
        out.append(UInt8(ascii: "-"))
        digits(parts.tm_mday, 2)
        out.append(UInt8(ascii: "T"))
        digits(parts.tm_hour, 2)
        out.append(UInt8(ascii: ":"))
        digits(parts.tm_min, 2)
        out.append(UInt8(ascii: ":"))
        digits(parts.tm_sec, 2)
        if withMilliseconds {
            out.append(UInt8(ascii: "."))
            digits(Int32(total % 1000), 3)
        }
        out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses ISO 8601 with or without fractional seconds; nil when it is not a timestamp.
    public static func parse(_ text: String) -> Date? {
        TimestampParser.utc(text) ?? milliseconds.date(from: text) ?? seconds.date(from: text)
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
