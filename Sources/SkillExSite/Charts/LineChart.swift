import Foundation

/// Builds a line chart (a score history, a pass rate) with x in proportion to time.
enum LineChart {
    /// One point: where it sits in time (`x`, any unit), its axis label, the text its dot and the
    /// summary show, and its value (nil: no data, a gap in the line).
    struct Point: Sendable {
        var x: Double
        var label: String
        var detail: String
        var value: Double?
        var flagged = false

        init(x: Double, label: String, detail: String? = nil, value: Double?, flagged: Bool = false) {
            self.x = x
            self.label = label
            self.detail = detail ?? label
            self.value = value
            self.flagged = flagged
        }
    }

    /// A chart of `points` (sorted by `x` here); `maximum` fixes the scale (100 for scores).
    /// The line breaks at a point without a value and between points more than `joinWithin`
    /// apart (nil: never). A point equal to the one before it (and not flagged) gets no dot of
    /// its own: the line runs on flat to the last of them, so runs that change nothing do not
    /// pile dots up. `threshold` draws a dashed line labelled `thresholdLabel`.
    static func make(
        id: String, title: String, yLabel: String, points unsorted: [Point], maximum: Double? = nil,
        unit: String = "", joinWithin: Double? = nil, threshold: Double? = nil, thresholdLabel: String = "threshold"
    ) -> ChartModel {
        let points = unsorted.enumerated().sorted { ($0.element.x, $0.offset) < ($1.element.x, $1.offset) }.map(\.element)
        var chart = ChartModel(id: id, title: title, summary: "", yLabel: yLabel)
        let highest = max(points.compactMap(\.value).filter(\.isFinite).max() ?? 0, threshold ?? 0)
        let top = maximum ?? ChartModel.niceMaximum(highest)
        chart.addYTicks(maximum: top) { ChartModel.number($0) + unit }
        if let threshold, threshold.isFinite {
            chart.addThreshold(threshold, maximum: top, label: "\(thresholdLabel) \(ChartModel.number(threshold))\(unit)")
        }
        let xs = XLabels.scale(points.map(\.x), left: chart.left, width: chart.plotWidth)
        var lines: [[String]] = []
        var current: [String] = []
        /// Whether the last vertex of `current` repeats the value before it (then it moves on).
        var lastRepeats = false
        var previous: (x: Double, value: Double)?
        var runs = RunText(unit: unit)
        for (index, point) in points.enumerated() {
            guard let raw = point.value, raw.isFinite else {
                if current.count > 1 { lines.append(current) }
                current = []
                previous = nil
                runs.gap(point.detail)
                continue
            }
            if let before = previous, let limit = joinWithin, point.x - before.x > limit {
                if current.count > 1 { lines.append(current) }
                current = []
                previous = nil
            }
            let value = min(max(raw, 0), top)
            let vertex = "\(ChartModel.number(xs[index])),\(ChartModel.number(chart.y(value, maximum: top)))"
            let repeats = previous?.value == raw && !point.flagged
            if repeats && lastRepeats {
                current[current.count - 1] = vertex
            } else {
                current.append(vertex)
            }
            lastRepeats = repeats
            previous = (point.x, raw)
            if repeats {
                runs.repeatValue(point.detail)
                if !chart.dots.isEmpty { chart.dots[chart.dots.count - 1].label = runs.dotLabel }
                continue
            }
            runs.value(point.detail, raw, flagged: point.flagged)
            chart.dots.append(ChartModel.Dot(
                x: ChartModel.number(xs[index]), y: ChartModel.number(chart.y(value, maximum: top)),
                label: runs.dotLabel, flagged: point.flagged))
        }
        if current.count > 1 { lines.append(current) }
        chart.lines = lines.map { $0.joined(separator: " ") }
        chart.xTicks = XLabels.pick(zip(xs, points).map { ($0, $1.label) }, chartWidth: chart.width)
        chart.summary = runs.items.isEmpty ? "\(title): no data." : "\(title): " + runs.items.joined(separator: "; ") + "."
        return chart
    }

    /// The summary's items, with a run of equal values said once.
    private struct RunText {
        var unit: String
        var items: [String] = []
        var dotLabel = ""
        private var head = ""
        private var flagged = false

        init(unit: String) { self.unit = unit }

        mutating func value(_ detail: String, _ value: Double, flagged: Bool) {
            head = "\(detail) \(ChartModel.number(value))\(unit)"
            self.flagged = flagged
            items.append(head + (flagged ? " (flagged)" : ""))
            dotLabel = "\(detail): \(ChartModel.number(value))\(unit)" + (flagged ? " (flagged)" : "")
        }

        mutating func repeatValue(_ detail: String) {
            guard !items.isEmpty else { return }
            let suffix = " (unchanged through \(detail))"
            items[items.count - 1] = head + (flagged ? " (flagged)" : "") + suffix
            if let colon = dotLabel.range(of: " (unchanged through ") { dotLabel = String(dotLabel[..<colon.lowerBound]) }
            dotLabel += suffix
        }

        mutating func gap(_ detail: String) {
            items.append("\(detail) no data")
        }
    }
}
