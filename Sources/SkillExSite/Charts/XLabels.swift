import Foundation

/// Places values on the x axis in proportion to their distance from the first (time, not the
/// order of runs), and picks the axis labels that fit without overlapping or leaving the chart.
enum XLabels {
    /// The average advance of a character of the 11px tick font, rounded up (0.6 em).
    static let characterWidth = 6.6
    /// The least space between two labels.
    static let gap = 8.0

    /// Pixel x of each of `values` on `[left, left + width]`; one distinct value sits in the middle.
    static func scale(_ values: [Double], left: Int, width: Int) -> [Double] {
        guard let low = values.min(), let high = values.max(), high > low else {
            return values.map { _ in Double(left) + Double(width) / 2 }
        }
        return values.map { Double(left) + ($0 - low) / (high - low) * Double(width) }
    }

    /// How wide `label` is drawn, at most.
    static func width(_ label: String) -> Double { Double(label.count) * characterWidth }

    /// Labels at `items`' x positions, in order: a label equal to the one before is skipped, as is
    /// one that would overlap the label before it; the last label is always shown (the labels it
    /// would overlap give way). Each is anchored so that it stays within `0...chartWidth`.
    static func pick(_ items: [(x: Double, label: String)], chartWidth: Int) -> [ChartModel.Tick] {
        var placed: [(tick: ChartModel.Tick, from: Double, to: Double)] = []
        var previousLabel: String?
        for (index, item) in items.enumerated() {
            defer { previousLabel = item.label }
            guard item.label != previousLabel else { continue }
            let candidate = place(item, chartWidth: chartWidth)
            if index == items.count - 1 {
                while let last = placed.last, last.to + gap > candidate.from { placed.removeLast() }
            } else if let last = placed.last, last.to + gap > candidate.from {
                continue
            }
            placed.append(candidate)
        }
        return placed.map(\.tick)
    }

    private static func place(_ item: (x: Double, label: String), chartWidth: Int) -> (tick: ChartModel.Tick, from: Double, to: Double) {
        let width = width(item.label)
        var anchor = "middle", from = item.x - width / 2, to = item.x + width / 2
        if from < 0 {
            (anchor, from, to) = ("start", item.x, item.x + width)
        } else if to > Double(chartWidth) {
            (anchor, from, to) = ("end", item.x - width, item.x)
        }
        return (ChartModel.Tick(position: ChartModel.number(item.x), label: item.label, anchor: anchor), from, to)
    }
}

extension Array {
    /// The element at `index`, or nil when out of range.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
