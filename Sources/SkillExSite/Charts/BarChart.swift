import Foundation

/// Builds a bar chart (events per day, score distribution).
package enum BarChart {
    /// One bar per value, labelled by `labels`; `flagged` bars are marked (anomaly days).
    package static func make(
        id: String, title: String, yLabel: String, labels: [String], values: [Double],
        flagged: Set<Int> = [], unit: String = ""
    ) -> ChartModel {
        draw(id: id, title: title, yLabel: yLabel, labels: labels, values: values, slots: Array(values.indices),
             slotCount: values.count, flagged: flagged, unit: unit)
    }

    /// One bar per day, placed by its date: `days` are day numbers (see `Formatting.dayNumber`),
    /// and a day missing between two others leaves its slot empty.
    static func daily(
        id: String, title: String, yLabel: String, days: [Int], labels: [String], values: [Double],
        flagged: Set<Int> = [], unit: String = ""
    ) -> ChartModel {
        let first = days.min() ?? 0
        let span = (days.max() ?? 0) - first
        return draw(id: id, title: title, yLabel: yLabel, labels: labels, values: values, slots: days.map { $0 - first },
                    slotCount: span + 1, flagged: flagged, unit: unit)
    }

    private static func draw(
        id: String, title: String, yLabel: String, labels: [String], values: [Double], slots: [Int], slotCount: Int,
        flagged: Set<Int>, unit: String
    ) -> ChartModel {
        var chart = ChartModel(id: id, title: title, summary: "", yLabel: yLabel)
        let top = ChartModel.niceMaximum(values.max() ?? 0)
        chart.addYTicks(maximum: top) { ChartModel.number($0) + unit }
        let slot = slotCount == 0 ? 0 : Double(chart.plotWidth) / Double(slotCount)
        let barWidth = max(1, slot * 0.7)
        var centres: [(x: Double, label: String)] = []
        for (index, value) in values.enumerated() {
            let centre = Double(chart.left) + slot * Double(slots[safe: index] ?? index) + slot / 2
            let x = centre - barWidth / 2
            let y = chart.y(value, maximum: top)
            centres.append((centre, labels[safe: index] ?? ""))
            chart.bars.append(
                ChartModel.Bar(
                    x: ChartModel.number(x), y: ChartModel.number(y), width: ChartModel.number(barWidth),
                    height: ChartModel.number(Double(chart.bottom) - y),
                    label: "\(labels[safe: index] ?? ""): \(ChartModel.number(value))\(unit)"
                        + (flagged.contains(index) ? " (anomaly)" : "")))
            if flagged.contains(index) {
                chart.dots.append(ChartModel.Dot(
                    x: ChartModel.number(centre), y: ChartModel.number(y - 6), label: "anomaly", flagged: true))
            }
        }
        chart.xTicks = XLabels.pick(centres, chartWidth: chart.width)
        chart.summary = summary(title: title, labels: labels, values: values, unit: unit, flagged: flagged)
        return chart
    }

    static func summary(title: String, labels: [String], values: [Double], unit: String, flagged: Set<Int>) -> String {
        guard !values.isEmpty else { return "\(title): no data." }
        let items = values.enumerated().map { index, value in
            "\(labels[safe: index] ?? "") \(ChartModel.number(value))\(unit)" + (flagged.contains(index) ? " (flagged)" : "")
        }
        return "\(title): " + items.joined(separator: "; ") + "."
    }
}
