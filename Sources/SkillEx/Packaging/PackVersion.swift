/// Version labels of packs: checks, ordering and the next patch version.
public enum PackVersion {
    /// The version of the first pack when nothing says otherwise.
    public static let initial = "0.1.0"

    /// Why `text` cannot be a version label (it becomes part of file names), or nil.
    public static func problem(_ text: String) -> String? {
        if text.isEmpty { return "is empty" }
        if text.count > 64 { return "is longer than 64 characters" }
        let allowed = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-+_")
        if !text.allSatisfy(allowed.contains) { return "may hold only letters, digits and . - + _" }
        if text.contains("..") || text.hasPrefix(".") || text.hasPrefix("-") {
            return "must not start with '.' or '-' or contain '..'"
        }
        if text.contains("-to-") { return "must not contain '-to-' (it separates delta versions)" }
        return nil
    }

    /// True when `lhs` sorts before `rhs`: numeric parts compare as numbers, others as text.
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let left = parts(lhs), right = parts(rhs)
        for (a, b) in zip(left, right) where a != b {
            switch (Int(a), Int(b)) {
            case (let x?, let y?): return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.utf8.lexicographicallyPrecedes(b.utf8)
            }
        }
        return left.count < right.count
    }

    /// The next patch version after `version` (`1.2.3` → `1.2.4`), or nil when it is not
    /// `MAJOR.MINOR.PATCH` with numbers.
    public static func nextPatch(after version: String) -> String? {
        let numbers = version.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard numbers.count == 3, let major = numbers[0], let minor = numbers[1], let patch = numbers[2]
        else { return nil }
        return "\(major).\(minor).\(patch + 1)"
    }

    private static func parts(_ version: String) -> [String] {
        version.split(whereSeparator: { ".-+_".contains($0) }).map(String.init)
    }
}
