/// The manifest's `storage` section: where to publish and which variables hold the secrets.
///
/// ```json
/// "storage": { "url": "s3://skills/hub", "endpoint_env": "R2_ENDPOINT", "region": "auto" }
/// ```
/// Credential values are never read from the manifest, only the names of variables.
public struct StorageSettings: Sendable, Equatable, Codable {
    /// `s3://bucket/prefix` or a folder path (relative to the manifest's folder).
    public var url: String?
    /// A literal endpoint URL (not secret), e.g. `http://127.0.0.1:9000`.
    public var endpoint: String?
    /// The variable holding the endpoint URL.
    public var endpointEnv: String?
    /// Signing region; `auto` for Cloudflare R2.
    public var region: String?
    /// `path` (`endpoint/bucket/key`) or `virtual` (`bucket.endpoint/key`).
    public var addressing: String?
    /// Variable names for the access key, secret and session token.
    public var accessKeyEnv: String?
    /// See `accessKeyEnv`.
    public var secretKeyEnv: String?
    /// See `accessKeyEnv`.
    public var sessionTokenEnv: String?
    /// Objects larger than this many bytes are sent as multipart uploads (default 16 MiB).
    public var multipartThreshold: Int64?

    /// Empty settings: environment defaults apply.
    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case url, endpoint, region, addressing
        case endpointEnv = "endpoint_env", accessKeyEnv = "access_key_env"
        case secretKeyEnv = "secret_key_env", sessionTokenEnv = "session_token_env"
        case multipartThreshold = "multipart_threshold"
    }

    /// Field names that would put a secret in the manifest; refused outright.
    static let forbidden: Set<String> = [
        "access_key_id", "secret_access_key", "session_token", "aws_access_key_id",
        "aws_secret_access_key", "aws_session_token", "secret", "password",
    ]

    /// Reads the manifest's `storage` section; nil when absent. Refuses credential values.
    public static func from(_ manifest: Manifest) throws(StorageError) -> StorageSettings? {
        guard let raw = manifest.extra.values["storage"] else { return nil }
        if case .object(let fields) = raw {
            if let bad = fields.keys.first(where: { forbidden.contains($0.lowercased()) }) {
                throw .configuration(
                    "manifest.json: storage.\(bad): credentials must come from environment variables "
                        + "(name them with access_key_env / secret_key_env)")
            }
        }
        do { return try manifest.extra.decode(StorageSettings.self, key: "storage") } catch {
            throw .configuration("manifest.json: storage: \(ErrorText.decoding(error))")
        }
    }

    /// The variable names to read credentials from.
    public struct CredentialNames: Sendable, Equatable {
        /// Access key variable.
        public var accessKeyID = "AWS_ACCESS_KEY_ID"
        /// Secret key variable.
        public var secretAccessKey = "AWS_SECRET_ACCESS_KEY"
        /// Session token variable.
        public var sessionToken = "AWS_SESSION_TOKEN"
        /// The standard AWS names.
        public init() {}
    }

    /// The names this section chooses, defaulting to the standard AWS variables.
    public var credentialNames: CredentialNames {
        var names = CredentialNames()
        if let accessKeyEnv { names.accessKeyID = accessKeyEnv }
        if let secretKeyEnv { names.secretAccessKey = secretKeyEnv }
        if let sessionTokenEnv { names.sessionToken = sessionTokenEnv }
        return names
    }
}
