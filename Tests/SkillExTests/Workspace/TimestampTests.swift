import Foundation
import Testing

@testable import SkillEx

@Suite("Timestamps without ICU")
struct TimestampTests {
    private func formatter(_ options: ISO8601DateFormatter.Options) -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = options
        return formatter
    }

    @Test("the fast UTC text equals ISO8601DateFormatter's, rounding and all")
    func matchesFoundation() {
        let seconds = formatter([.withInternetDateTime])
        let milliseconds = formatter([.withInternetDateTime, .withFractionalSeconds])
        var generator = SystemRandomNumberGenerator()
        var instants: [Double] = [0, 0.0005, 0.9995, 59.9996, 86_399.9995, 951_782_400, 4_102_444_799.9999, 253_402_300_799]
        for _ in 0..<20_000 {
            let whole = Double.random(in: 0...4_000_000_000, using: &generator).rounded(.down)
            // Whole milliseconds, halves and arbitrary fractions.
            instants += [whole, whole + Double(Int.random(in: 0...999, using: &generator)) / 1000 + 0.0005,
                         Double.random(in: 0...4_000_000_000, using: &generator)]
        }
        for instant in instants {
            let date = Date(timeIntervalSince1970: instant)
            #expect(Timestamp.string(date) == seconds.string(from: date), "\(instant)")
            #expect(Timestamp.millisecondString(date) == milliseconds.string(from: date), "\(instant)")
        }
    }

    @Test("instants outside 1970–9999 fall back to Foundation")
    func outsideRange() {
        #expect(Timestamp.utc(Date(timeIntervalSince1970: -1), milliseconds: false) == nil)
        #expect(Timestamp.string(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }
}
