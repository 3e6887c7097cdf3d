import Foundation
import Testing

@testable import SkillEx

@Suite("Timestamp parsing without a formatter")
struct TimestampParserTests {
    private static func formatter(fraction: Bool) -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = fraction ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter
    }

    @Test("gives the formatter's instant for both forms, across leap years and the whole range")
    func matchesFormatter() {
        let withFraction = Self.formatter(fraction: true)
        let whole = Self.formatter(fraction: false)
        var generator = SystemRandomNumberGenerator()
        var instants = [0, 951_782_400_123, 4_107_542_399_999, 253_402_300_799_999]  // 2000-02-29, 2100-02-28
        for _ in 0..<3_000 { instants.append(Int.random(in: 0..<253_402_300_800_000, using: &generator)) }
        for milliseconds in instants {
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1_000)
            let text = withFraction.string(from: date)
            #expect(TimestampParser.utc(text) == withFraction.date(from: text), "\(text)")
            let seconds = whole.string(from: date)
            #expect(TimestampParser.utc(seconds) == whole.date(from: seconds), "\(seconds)")
        }
    }

    @Test("leaves every other form to the formatter", arguments: [
        "2025-02-30T00:00:00Z", "2025-13-01T00:00:00Z", "2025-01-01T24:00:00Z", "2025-01-01T00:00:60Z",
        "1969-12-31T23:59:59Z", "2025-01-01T00:00:00.5Z", "2025-01-01T00:00:00+01:00", "2025-01-01",
        "2025-01-01 00:00:00Z", "２025-01-01T00:00:00Z", "",
    ])
    func refuses(text: String) {
        #expect(TimestampParser.utc(text) == nil)
    }

    @Test("Timestamp.parse still reads offsets and plain dates")
    func fallbacks() {
        #expect(Timestamp.parse("2025-01-01T01:00:00+01:00") == Timestamp.parse("2025-01-01T00:00:00Z"))
        #expect(Timestamp.parse("2025-01-01") != nil)
        #expect(Timestamp.parse("yesterday") == nil)
    }
}
