/// Reads a coverage hit count as reports write it: a whole number, or a decimal such as `1.0`
/// (some converters write floats). Anything negative, not finite, or beyond `Int` is nil, so a
/// hostile report is an error, never a trap in the conversion.
enum HitCount {
    /// The count in `text`, or nil.
    static func parse<S: StringProtocol>(_ text: S) -> Int? {
        if let whole = Int(text) { return whole >= 0 ? whole : nil }
        guard let value = Double(String(text)), value.isFinite, value >= 0 else { return nil }
        return Int(exactly: value.rounded(.towardZero))
    }
}
