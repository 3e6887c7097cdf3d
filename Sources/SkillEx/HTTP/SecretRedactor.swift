import Foundation

/// Removes known secret values from text a server may have written (an error code or message,
/// a connection failure), so an endpoint that echoes the request back cannot make a credential
/// appear in output, logs or JSON. Each secret is replaced as sent and percent-encoded.
struct SecretRedactor: Sendable {
    /// What a secret becomes.
    static let mask = "***"
    /// Values too short to redact without mangling ordinary words are left alone (real access
    /// keys and tokens are 16 characters or more).
    static let minimumLength = 4

    private let secrets: [String]

    /// A redactor for `values` (nil and short values ignored).
    init(_ values: [String?]) {
        var all = Set<String>()
        for value in values.compactMap({ $0 }) where value.count >= Self.minimumLength {
            all.insert(value)
            if let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { all.insert(encoded) }
        }
        // Longest first, so a secret that contains another is replaced whole.
        secrets = all.sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// `text` with every secret replaced by `mask`.
    func redact(_ text: String) -> String {
        var out = text
        for secret in secrets where out.contains(secret) {
            out = out.replacingOccurrences(of: secret, with: Self.mask)
        }
        return out
    }

    /// True when `text` holds a secret.
    func leaks(_ text: String) -> Bool { secrets.contains { text.contains($0) } }
}

extension StorageError {
    /// The error with every secret `redactor` knows removed from its text.
    func redacted(by redactor: SecretRedactor) -> StorageError {
        let clean = redactor.redact
        switch self {
        case .configuration(let text): return .configuration(clean(text))
        case .credentials(let text): return .credentials(clean(text))
        case .service(let operation, let status, let code, let message):
            return .service(operation: clean(operation), status: status, code: clean(code), message: clean(message))
        case .unavailable(let operation, let attempts, let reason):
            return .unavailable(operation: clean(operation), attempts: attempts, reason: clean(reason))
        case .notFound(let key): return .notFound(clean(key))
        case .integrity(let text): return .integrity(clean(text))
        case .local(let text): return .local(clean(text))
        }
    }
}

extension SecretRedactor {
    /// Runs `body`; any error it throws leaves with the secrets removed (a `StorageError` keeps
    /// its case; another error whose text holds a secret becomes `.local` with that text redacted).
    func scrubbing<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as StorageError {
            throw error.redacted(by: self)
        } catch {
            let text = ErrorText.brief(error)
            if leaks(text) { throw StorageError.local(redact(text)) }
            throw error
        }
    }
}
