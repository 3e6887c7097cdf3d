import Foundation

/// Builds a line chart (a score history, a pass rate) over labelled points.
enum LineChart {
    /// A chart of `values` labelled by `labels`; `maximum` fixes the scale (100 for scores);
    /// `flagged` marks points (anomalies, regressions) with a distinct dot.
    static func make(
        id: String, title: String, yLabel: String, labels: [String], values: [Double],
        maximum: Double? = nil, flagged: Set<Int> = [], unit: String = ""
    ) -> ChartModel {
        var chart = ChartModel(id: id, title: title, summary: "", yLabel: yLabel)
        let top = maximum ?? ChartModel.niceMaximum(values.max() ?? 0)
        chart.addYTicks(maximum: top) { ChartModel.number($0) + unit }
        let count = values.count
        let step = count > 1 ? Double(chart.plotWidth) / Double(count - 1) : 0
        var points: [String] = []
        for (index, value) in values.enumerated() {
            let x = count > 1 ? Double(chart.left) + step * Double(index) : Double(chart.left + chart.plotWidth / 2)
            let y = chart.y(min(value, top), maximum: top)
            let label = "\(labels[safe: index] ?? ""): \(ChartModel.number(value))\(unit)"
            points.append("\(ChartModel.number(x)),\(ChartModel.number(y))")
            chart.dots.append(
                ChartModel.Dot(x: ChartModel.number(x), y: ChartModel.number(y), label: label,
                               flagged: flagged.contains(index)))
        }
        chart.points = points.joined(separator: " ")
        chart.xTicks = XLabels.pick(labels, left: chart.left, step: step, single: count == 1, width: chart.plotWidth)
        chart.summary = Self.summary(title: title, labels: labels, values: values, unit: unit, flagged: flagged)
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

/// Chooses at most six evenly spread x-axis labels.
enum XLabels {
    static func pick(_ labels: [String], left: Int, step: Double, single: Bool, width: Int) -> [ChartModel.Tick] {
        guard !labels.isEmpty else { return [] }
        if single { return [ChartModel.Tick(position: String(left + width / 2), label: labels[0])] }
        let stride = max(1, Int((Double(labels.count) / 6).rounded(.up)))
        return labels.indices.filter { $0 % stride == 0 || $0 == labels.count - 1 }.map { index in
            ChartModel.Tick(position: ChartModel.number(Double(left) + step * Double(index)), label: labels[index])
        }
    }
}

extension Array {
    /// The element at `index`, or nil when out of range.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
