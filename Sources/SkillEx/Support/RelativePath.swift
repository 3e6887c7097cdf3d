/// Checks on `/`-separated relative paths, by bytes.
enum RelativePath {
    /// True when no segment of `path` is empty (a trailing `/` aside), `.` or `..`: resolving
    /// `.` and `..` would give `path` itself.
    static func isNormal(_ path: String) -> Bool {
        var segment = 0  // bytes in the current segment
        var dots = 0  // of which dots, while every byte so far is one
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if segment == 0 || dots == segment { return false }
                segment = 0
                dots = 0
            } else {
                if byte == UInt8(ascii: "."), dots == segment { dots += 1 }
                segment += 1
            }
        }
        return !(segment > 0 && dots == segment && dots <= 2)
    }
}
