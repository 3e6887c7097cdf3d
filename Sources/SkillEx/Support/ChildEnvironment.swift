/// The environment handed to programs SkillEx starts: an allow-list, never the hub's whole
/// environment. A repository's validator may be the repository's own script, and any variable
/// the hub holds (a webhook URL named by `url_env`, a key named by `access_key_env`, a token
/// under a name no pattern guesses) must not reach it unless the manifest names it.
public enum ChildEnvironment {
    /// What every child gets when set: where programs are, a home, the locale, a temp folder.
    public static let baseNames = ["PATH", "HOME", "LANG", "TMPDIR"]

    /// The `baseNames` plus `extra` (in that order of precedence: all are copied as they are)
    /// taken from `environment`; unset names are left out.
    public static func allowing(_ extra: [String], from environment: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        for name in baseNames + extra {
            if let value = environment[name] { out[name] = value }
        }
        return out
    }

    /// True when `name` can be an environment variable's name (`[A-Za-z_][A-Za-z0-9_]*`).
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return name.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        }
    }
}
