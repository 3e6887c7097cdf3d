import Foundation
import SkillEx

/// Number and size formatting shared by pages; the same output on every machine.
enum Formatting {
    /// `82.5` or `82`.
    static func score(_ value: Double?) -> String? {
        guard let value, value.isFinite else { return nil }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? WholeNumberText.string(rounded) : String(format: "%.1f", rounded)
    }

    /// `1.2 MB`, `340 KB`, `12 B` (decimal units).
    static func size(_ bytes: Int64?) -> String {
        guard let bytes else { return "?" }
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }

    /// A trend arrow from the last two history scores: `▲ +3`, `▼ −2.5`, `■ 0`, nil if too few.
    static func trend(_ scores: [Double]) -> (text: String, css: String)? {
        guard scores.count >= 2, let last = scores.last else { return nil }
        let delta = last - scores[scores.count - 2]
        let amount = score(abs(delta)) ?? "0"
        if delta > 0.05 { return ("▲ +\(amount)", "up") }
        if delta < -0.05 { return ("▼ −\(amount)", "down") }
        return ("■ 0", "flat")
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` day (the proleptic Gregorian calendar), nil for
    /// anything else: the x position of a day on the dashboard's charts.
    static func dayNumber(_ day: String) -> Int? {
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.utf8.count) == [4, 2, 2], parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let dayOfMonth = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(dayOfMonth)
        else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + dayOfMonth - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `folder` as a path from the hub's root (`docs/cookbook`, `../docs/cookbook`): pages never
    /// show the build machine's absolute paths.
    static func hubRelative(_ folder: URL, root: URL) -> String {
        let target = folder.standardizedFileURL.pathComponents.filter { $0 != "/" }
        let base = root.standardizedFileURL.pathComponents.filter { $0 != "/" }
        var shared = 0
        while shared < min(target.count, base.count), target[shared] == base[shared] { shared += 1 }
        let parts = Array(repeating: "..", count: base.count - shared) + target[shared...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
