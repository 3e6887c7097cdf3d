import Foundation

/// Median and median absolute deviation, the robust baseline of the anomaly rules.
enum RobustStats {
    /// The median of `values` and the median of their absolute deviations from it.
    static func medianAndMAD(_ values: [Double]) -> (median: Double, mad: Double) {
        let median = median(values)
        return (median, self.median(values.map { abs($0 - median) }))
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func short(_ value: Double) -> String { String(format: "%.1f", value) }

    static func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }
}
