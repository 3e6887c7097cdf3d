/// Why a ZIP archive could not be written or read; each case names the archive or entry.
public enum ZipError: DescribedError, Equatable {
    /// zlib reported an error.
    case zlib(String, Int32)
    /// The archive is truncated or its structures are inconsistent.
    case corrupt(entry: String, reason: String)
    /// The archive uses a feature SkillEx does not read (encryption, another compression method).
    case unsupported(entry: String, reason: String)
    /// An entry would be written outside its folder or is not a plain file.
    case unsafe(entry: String, reason: String)

    /// One line naming the entry and the problem.
    public var description: String {
        switch self {
        case .zlib(let call, let code): "zlib \(call) failed (\(code))"
        case .corrupt(let entry, let reason): "\(entry): corrupt archive: \(reason)"
        case .unsupported(let entry, let reason): "\(entry): unsupported archive feature: \(reason)"
        case .unsafe(let entry, let reason): "\(entry): unsafe archive entry: \(reason)"
        }
    }
}
