import Foundation

/// Number and size formatting shared by pages; the same output on every machine.
enum Formatting {
    /// `82.5` or `82`.
    static func score(_ value: Double?) -> String? {
        guard let value, value.isFinite else { return nil }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
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
}
