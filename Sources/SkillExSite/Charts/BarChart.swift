import Foundation

/// Builds a bar chart (events per day, score distribution).
enum BarChart {
    /// One bar per value, labelled by `labels`; `flagged` bars are marked (anomaly days).
    static func make(
        id: String, title: String, yLabel: String, labels: [String], values: [Double],
        flagged: Set<Int> = [], unit: String = ""
    ) -> ChartModel {
        var chart = ChartModel(id: id, title: title, summary: "", yLabel: yLabel)
        let top = ChartModel.niceMaximum(values.max() ?? 0)
        chart.addYTicks(maximum: top) { ChartModel.number($0) + unit }
        let slot = values.isEmpty ? 0 : Double(chart.plotWidth) / Double(values.count)
        let barWidth = max(1, slot * 0.7)
        for (index, value) in values.enumerated() {
            let x = Double(chart.left) + slot * Double(index) + (slot - barWidth) / 2
            let y = chart.y(value, maximum: top)
            chart.bars.append(
                ChartModel.Bar(
                    x: ChartModel.number(x), y: ChartModel.number(y), width: ChartModel.number(barWidth),
                    height: ChartModel.number(Double(chart.bottom) - y),
                    label: "\(labels[safe: index] ?? ""): \(ChartModel.number(value))\(unit)"
                        + (flagged.contains(index) ? " (anomaly)" : "")))
            if flagged.contains(index) {
                chart.dots.append(ChartModel.Dot(
                    x: ChartModel.number(x + barWidth / 2), y: ChartModel.number(y - 6), label: "anomaly", flagged: true))
            }
        }
        chart.xTicks = XLabels.pick(labels, left: chart.left + Int(slot / 2), step: slot, single: values.count == 1, width: chart.plotWidth)
        chart.summary = LineChart.summary(title: title, labels: labels, values: values, unit: unit, flagged: flagged)
        return chart
    }
}
