/// Turns names from outside (repos, skills, files) into safe URL path segments.
enum PathSegment {
    /// Keeps ASCII letters, digits, `.`, `_` and `-`; anything else becomes `-`; never `.` or `..`.
    static func clean(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            let ok = scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
            out.unicodeScalars.append(ok ? scalar : "-")
        }
        if out.isEmpty || out.allSatisfy({ $0 == "." }) { return "_" + out }
        return out
    }
}
