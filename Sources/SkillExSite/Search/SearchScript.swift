/// JavaScript literals for the search data files. Every `<`, `>` and `&` is written as a `\u`
/// escape, so no data file can close a script element or open a comment, whatever a skill holds.
enum SearchScript {
    /// `text` as a double-quoted JavaScript string literal, appended to `out`.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0..<0x20, 0x3C, 0x3E, 0x26, 0x2028, 0x2029, 0x7F: appendEscape(value, to: &out)
            case 0x20..<0x80: out.append(UInt8(value))
            default: out += Array(String(scalar).utf8)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `text` as a string literal.
    static func string(_ text: String) -> String {
        var out: [UInt8] = []
        appendString(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendEscape(_ value: UInt32, to out: inout [UInt8]) {
        let digits = Array("0123456789abcdef".utf8)
        out += [0x5C, UInt8(ascii: "u")]
        for shift in stride(from: 12, through: 0, by: -4) { out.append(digits[Int((value >> UInt32(shift)) & 0xF)]) }
    }

    /// `[1,2,3]`.
    static func appendInts(_ values: [Int], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, value) in values.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += Array(String(value).utf8)
        }
        out.append(UInt8(ascii: "]"))
    }
}
