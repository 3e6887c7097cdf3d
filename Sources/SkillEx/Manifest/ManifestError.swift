/// Why a manifest could not be read or written; each case names the file.
public enum ManifestError: DescribedError, Equatable {
    /// The file does not exist.
    case missing(path: String)
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file is not JSON, or not the manifest's shape.
    case malformed(path: String, reason: String)
    /// A field holds a value SkillEx cannot use.
    case invalidField(path: String, field: String, reason: String)
    /// Writing failed; the previous manifest is untouched.
    case unwritable(path: String, reason: String)

    /// One line naming the file and the problem.
    public var description: String {
        switch self {
        case .missing(let path): "\(path): manifest not found"
        case .unreadable(let path, let reason): "\(path): cannot read manifest: \(reason)"
        case .malformed(let path, let reason): "\(path): malformed manifest: \(reason)"
        case .invalidField(let path, let field, let reason): "\(path): \(field): \(reason)"
        case .unwritable(let path, let reason): "\(path): cannot write manifest: \(reason)"
        }
    }
}
