/// Checks on names that become folder names, so nothing escapes its parent folder.
public enum PathSafety {
    /// Why `name` cannot be one path component, or nil when it can.
    public static func problem(withFolderName name: String) -> String? {
        if name.isEmpty { return "is empty" }
        if name == "." || name == ".." || name.contains("..") { return "must not contain '..'" }
        if name.contains("/") || name.contains("\\") { return "must not contain a slash" }
        if name.hasPrefix(".") { return "must not start with '.'" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "must not contain control characters"
        }
        return nil
    }
}
