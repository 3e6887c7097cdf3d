import Foundation

/// What the `chart` template draws: an inline SVG with axes, labels and a text alternative.
/// Every value is a number or escaped text, so the template needs no raw HTML.
struct ChartModel: Sendable, Encodable {
    /// A horizontal grid line with its value label.
    struct Tick: Sendable, Encodable { var position: String; var label: String }
    /// A bar with its hover text.
    struct Bar: Sendable, Encodable { var x: String; var y: String; var width: String; var height: String; var label: String }
    /// A data point with its hover text.
    struct Dot: Sendable, Encodable { var x: String; var y: String; var label: String; var flagged: Bool }

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
    var points = "" { didSet { hasLine = !points.isEmpty } }
    /// Stored (not computed): templates see stored properties only.
    var hasLine = false
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

    /// A coordinate with at most one decimal, the same on every machine.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    /// A "nice" upper bound for a scale holding `value`.
    static func niceMaximum(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }
}
