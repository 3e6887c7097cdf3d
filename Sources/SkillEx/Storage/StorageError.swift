/// Why a storage operation failed; each description is one line without credentials.
public enum StorageError: DescribedError, Equatable {
    /// Bad settings (missing variable, malformed URL).
    case configuration(String)
    /// The service refused the credentials (403 InvalidAccessKeyId, SignatureDoesNotMatch…).
    case credentials(String)
    /// The service answered with a non-retryable error (code and message).
    case service(operation: String, status: Int, code: String, message: String)
    /// Retries ran out on 5xx, 429, resets or timeouts.
    case unavailable(operation: String, attempts: Int, reason: String)
    /// The key does not exist.
    case notFound(String)
    /// Downloaded bytes do not match the expected size or checksum.
    case integrity(String)
    /// A local file could not be read or written.
    case local(String)

    /// One line for people.
    public var description: String {
        switch self {
        case .configuration(let text): return "storage: \(text)"
        case .credentials(let text): return "storage rejected the credentials: \(text)"
        case .service(let operation, let status, let code, let message):
            return "\(operation): \(status) \(code)\(message.isEmpty ? "" : ": \(message)")"
        case .unavailable(let operation, let attempts, let reason):
            return "\(operation): gave up after \(attempts) attempts: \(reason)"
        case .notFound(let key): return "\(key): no such object"
        case .integrity(let text): return text
        case .local(let text): return text
        }
    }
}
