/// Why packaging stopped; each case names the skill, version or file concerned.
public enum PackagingError: DescribedError, Equatable {
    /// A skill's files no longer match the checksum the manifest recorded at sync.
    case checksumMismatch(skill: String, path: String, expected: String, actual: String)
    /// A skill the manifest records has no folder under `skills/`.
    case skillMissing(skill: String, path: String)
    /// A recorded repository or skill name that cannot be a folder name (`..`, slashes…).
    case unsafeName(skill: String, reason: String)
    /// A file changed size while it was being packed.
    case changedWhilePacking(path: String)
    /// A version label that cannot be used.
    case badVersion(version: String, reason: String)
    /// No packager has this name.
    case unknownStrategy(name: String, known: [String])
    /// `--since` names a version `dist/index.json` does not list.
    case unknownBaseVersion(version: String, index: String)
    /// A file SkillEx reads is missing or malformed.
    case badFile(path: String, reason: String)
    /// Writing failed; what was there before is untouched.
    case unwritable(path: String, reason: String)

    /// One line naming the skill or file and the problem.
    public var description: String {
        switch self {
        case .checksumMismatch(let skill, let path, let expected, let actual):
            "\(path): skill \(skill) does not match its manifest checksum "
                + "(manifest \(expected.prefix(12))…, files \(actual.prefix(12))…); run `skillex sync` first"
        case .skillMissing(let skill, let path): "\(path): skill \(skill) is in the manifest but not on disk"
        case .unsafeName(let skill, let reason): "manifest skill \(skill): name \(reason)"
        case .changedWhilePacking(let path): "\(path): file changed while it was being packed"
        case .badVersion(let version, let reason): "version '\(version)' \(reason)"
        case .unknownStrategy(let name, let known):
            "unknown packager '\(name)' (known: \(known.joined(separator: ", ")))"
        case .unknownBaseVersion(let version, let index): "\(index): no version \(version) to make a delta from"
        case .badFile(let path, let reason): "\(path): \(reason)"
        case .unwritable(let path, let reason): "\(path): cannot write: \(reason)"
        }
    }
}
