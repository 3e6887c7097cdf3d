import Foundation

/// Conversions of floating-point numbers that came from outside (event logs, reports,
/// manifests, packs, HTTP answers) to integers. `Int(someDouble)` traps on NaN, infinity and
/// anything beyond the integer's range; these never do. Every conversion from a floating-point
/// value to an integer in SkillEx goes through here or through `init(exactly:)` (see
/// docs/security.md, "Numbers from outside").
extension FixedWidthInteger {
    /// `value` rounded toward zero, clamped into this type's range; NaN is 0.
    public init(saturating value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= Double(Self.max) {
            // `Double(Int.max)` is 2^63, one past the largest Int: `>=` keeps it out.
            self = Self.max
        } else if value <= Double(Self.min) {
            self = Self.min
        } else {
            self = Self(value.rounded(.towardZero))
        }
    }
}

/// Whole numbers as text, for values from outside that may lie far beyond `Int`.
public enum WholeNumberText {
    /// `value`, a whole number, as digits without a decimal point: `Int`'s text where it fits
    /// (so ordinary numbers read as before), else every digit of the number (`1e300` gives 301
    /// digits) or `inf`/`-inf`/`nan`. Never a trap.
    public static func string(_ value: Double) -> String {
        if let exact = Int(exactly: value) { return String(exact) }
        return String(format: "%.0f", value)
    }
}
