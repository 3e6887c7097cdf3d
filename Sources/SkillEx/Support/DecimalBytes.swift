/// Decimal digits written straight into a byte buffer: what `String(value)` gives, without
/// making a string (fingerprints write thousands of numbers).
package enum DecimalBytes {
    /// Appends the decimal digits of `value` (with a `-` when negative).
    package static func append(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            append(value.magnitude, to: &bytes)
        } else {
            append(UInt64(value), to: &bytes)
        }
    }

    /// Appends the decimal digits of `value`.
    package static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        guard value > 0 else { return bytes.append(UInt8(ascii: "0")) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits; UInt64 needs 20
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }
}
