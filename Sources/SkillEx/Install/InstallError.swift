/// Why an install, a frozen check or an update could not go ahead. Every case is one line that
/// names the source, file or skill and the problem.
public enum InstallError: DescribedError, Equatable {
    case unknownAgent(String, known: [String])
    case noHome
    case badSource(location: String, reason: String)
    case fetchFailed(location: String, reason: String)
    case badIndex(location: String, reason: String)
    case unknownSkill(name: String, location: String)
    case digestMismatch(name: String, url: String, expected: String, actual: String)
    case unsafeArtifact(name: String, url: String, reason: String)
    case badLock(path: String, reason: String)
    case notLocked(path: String)

    public var description: String {
        switch self {
        case .unknownAgent(let name, let known):
            "unknown agent '\(name)' (known: \(known.joined(separator: ", ")))"
        case .noHome: "HOME is not set: cannot find the user's skills folder"
        case .badSource(let location, let reason): "\(location): \(reason)"
        case .fetchFailed(let location, let reason): "\(location): could not fetch: \(reason)"
        case .badIndex(let location, let reason): "\(location): refusing the index: \(reason)"
        case .unknownSkill(let name, let location): "\(location): no skill named '\(name)' in the index"
        case .digestMismatch(let name, let url, let expected, let actual):
            "\(url): refusing \(name): digest is \(actual), the index says \(expected)"
        case .unsafeArtifact(let name, let url, let reason): "\(url): refusing \(name): \(reason)"
        case .badLock(let path, let reason): "\(path): \(reason)"
        case .notLocked(let path): "\(path): no lockfile here; run skillex install first"
        }
    }

    /// True for a verification failure (exit 1) rather than bad input (exit 2).
    public var isVerificationFailure: Bool {
        switch self {
        case .digestMismatch, .unsafeArtifact: true
        default: false
        }
    }
}
