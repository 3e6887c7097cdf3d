/// Why `skillex init` cannot go on: a bad answer or an unreadable input, in one line.
public enum OnboardingError: DescribedError, Equatable {
    /// An answer (or its flag) breaks a rule.
    case invalidAnswer(question: String, reason: String)
    /// A file could not be read or parsed.
    case unreadable(path: String, reason: String)
    /// A file could not be written.
    case unwritable(path: String, reason: String)

    /// The one-line message, naming the flag or file.
    public var description: String {
        switch self {
        case .invalidAnswer(let question, let reason): "--\(question): \(reason)"
        case .unreadable(let path, let reason): "\(path): \(reason)"
        case .unwritable(let path, let reason): "\(path): cannot write: \(reason)"
        }
    }
}
