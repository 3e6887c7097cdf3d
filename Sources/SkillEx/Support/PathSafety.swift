/// Checks on names that become folder names, so nothing escapes its parent folder.
public enum PathSafety {
    /// Why `name` cannot be one path component, or nil when it can.
    public static func problem(withFolderName name: String) -> String? {
        if name.isEmpty { return "is empty" }
        // Checked for every skill folder on every sync: an ASCII name by its bytes (the same
        // answers as the character checks below, without a substring search per check).
        let bytes = name.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return characterProblem(name) }
        var previous: UInt8 = 0
        var dots = false, slash = false, control = false
        for byte in bytes {
            if byte == UInt8(ascii: "."), previous == UInt8(ascii: ".") { dots = true }
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") { slash = true }
            if byte < 0x20 || byte == 0x7F { control = true }
            previous = byte
        }
        if dots || name == "." { return "must not contain '..'" }
        if slash { return "must not contain a slash" }
        if bytes.first == UInt8(ascii: ".") { return "must not start with '.'" }
        if control { return "must not contain control characters" }
        return nil
    }

    /// `problem(withFolderName:)` for a name with non-ASCII characters, by characters.
    private static func characterProblem(_ name: String) -> String? {
        if name == "." || name == ".." || name.contains("..") { return "must not contain '..'" }
        if name.contains("/") || name.contains("\\") { return "must not contain a slash" }
        if name.hasPrefix(".") { return "must not start with '.'" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "must not contain control characters"
        }
        return nil
    }
}
