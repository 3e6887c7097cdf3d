/// Turns names from outside (repos, skills, files) into safe URL path segments.
enum PathSegment {
    /// Keeps ASCII letters, digits, `.`, `_` and `-`; anything else becomes `-`; never `.` or `..`.
    static func clean(_ name: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            let value = scalar.value
            let ok = (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
                || value == 0x2E || value == 0x5F || value == 0x2D
            out.append(ok ? UInt8(value) : UInt8(ascii: "-"))
        }
        if out.allSatisfy({ $0 == UInt8(ascii: ".") }) { out.insert(UInt8(ascii: "_"), at: 0) }
        return String(decoding: out, as: UTF8.self)
    }
}
