import Foundation
import SkillEx

/// What the `chart` template draws: an inline SVG with axes, labels and a text alternative.
/// Every value is a number or escaped text, so the template needs no raw HTML.
package struct ChartModel: Sendable, Encodable {
    /// A grid line or axis label with its value label; `anchor` is the SVG `text-anchor` that keeps
    /// the label inside the chart (`start` at the left edge, `end` at the right one).
    struct Tick: Sendable, Encodable {
        var position: String
        var label: String
        var anchor = "middle"
    }
    /// A bar with its hover text.
    struct Bar: Sendable, Encodable { var x: String; var y: String; var width: String; var height: String; var label: String }
    /// A data point with its hover text.
    struct Dot: Sendable, Encodable { var x: String; var y: String; var label: String; var flagged: Bool }
    /// A dashed horizontal line at a reference value (the gate threshold) with its label.
    struct Threshold: Sendable, Encodable { var x1: String; var x2: String; var y: String; var label: String }

    var id: String
    var title: String
    /// The text alternative: every value in words.
    var summary: String
    var width = 640
    var height = 240
    var left = 48
    var right = 628
    var top = 16
    var bottom = 200
    var yTicks: [Tick] = []
    var xTicks: [Tick] = []
    var bars: [Bar] = []
    var dots: [Dot] = []
    /// The line's connected pieces (`x,y x,y …`); a gap in the data ends one piece.
    var lines: [String] = [] { didSet { hasLine = !lines.isEmpty } }
    /// Stored (not computed): templates see stored properties only.
    var hasLine = false
    var threshold: Threshold?
    var yLabel: String
    /// Where the x-axis labels sit.
    var labelY = 218
    var plotWidth: Int { right - left }

    /// The y coordinate of `value` on a scale from 0 to `maximum`.
    func y(_ value: Double, maximum: Double) -> Double {
        let span = maximum > 0 ? maximum : 1
        return Double(bottom) - (value / span) * Double(bottom - top)
    }

    /// Four evenly spaced ticks from 0 to `maximum`.
    mutating func addYTicks(maximum: Double, format: (Double) -> String) {
        yTicks = (0...4).map { step in
            let value = maximum * Double(step) / 4
            return Tick(position: Self.number(y(value, maximum: maximum)), label: format(value))
        }
    }

    /// A dashed line at `value` (drawn at the top when the scale ends below it), labelled `label`.
    mutating func addThreshold(_ value: Double, maximum: Double, label: String) {
        let y = y(min(max(0, value), maximum), maximum: maximum)
        threshold = Threshold(
            x1: String(left), x2: String(right), y: Self.number(y), label: label)
    }

    /// A coordinate with at most one decimal, the same on every machine.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? WholeNumberText.string(rounded) : String(format: "%.1f", rounded)
    }

    /// A "nice" upper bound for a scale holding `value`.
    static func niceMaximum(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }
}
