/// Why a pull stopped; the target folder is left exactly as it was. Each case names the file.
public enum PullError: DescribedError, Equatable {
    /// The source cannot be used.
    case badSource(location: String, reason: String)
    /// A file could not be fetched.
    case fetchFailed(file: String, reason: String)
    /// A fetched file's SHA-256 differs from `index.json`.
    case digestMismatch(file: String, expected: String, actual: String)
    /// A fetched file's size differs from `index.json` (checked before its SHA-256).
    case sizeMismatch(file: String, expected: Int64, actual: Int64)
    /// A skill's files differ from the checksum the pack promises.
    case skillMismatch(skill: String, file: String, expected: String, actual: String)
    /// A pack or delta is damaged or unsafe.
    case badArchive(file: String, reason: String)
    /// The target holds something other than a pulled pack.
    case badTarget(path: String, reason: String)

    /// One line naming the file and the problem.
    public var description: String {
        switch self {
        case .badSource(let location, let reason): "\(location): \(reason)"
        case .fetchFailed(let file, let reason): "\(file): cannot fetch: \(reason)"
        case .digestMismatch(let file, let expected, let actual):
            "\(file): SHA-256 mismatch (index.json \(expected.prefix(12))…, "
                + "got \(actual.prefix(12))…); nothing changed"
        case .sizeMismatch(let file, let expected, let actual):
            "\(file): size mismatch (index.json \(expected) bytes, got \(actual)); nothing changed"
        case .skillMismatch(let skill, let file, let expected, let actual):
            "\(file): skill \(skill) checksum mismatch (expected \(expected.prefix(12))…, "
                + "got \(actual.prefix(12))…); nothing changed"
        case .badArchive(let file, let reason): "\(file): \(reason); nothing changed"
        case .badTarget(let path, let reason): "\(path): \(reason)"
        }
    }
}
