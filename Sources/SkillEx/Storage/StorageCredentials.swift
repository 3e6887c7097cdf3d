/// Access keys for S3-compatible storage; read from the environment, never printed.
public struct StorageCredentials: Sendable, CustomStringConvertible {
    /// `AWS_ACCESS_KEY_ID`.
    public var accessKeyID: String
    /// `AWS_SECRET_ACCESS_KEY`.
    public var secretAccessKey: String
    /// `AWS_SESSION_TOKEN`, for temporary credentials.
    public var sessionToken: String?

    /// Credentials from their parts.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// Never the values: only which parts are present.
    public var description: String {
        "StorageCredentials(access key: set, secret: set, session token: \(sessionToken == nil ? "none" : "set"))"
    }

    /// Reads the three variables named by `names` from `environment`; throws naming the
    /// first missing variable.
    public static func from(
        environment: [String: String], names: StorageSettings.CredentialNames
    ) throws(StorageError) -> StorageCredentials {
        guard let key = environment[names.accessKeyID], !key.isEmpty else {
            throw .configuration("\(names.accessKeyID) is not set; S3 storage needs an access key")
        }
        guard let secret = environment[names.secretAccessKey], !secret.isEmpty else {
            throw .configuration("\(names.secretAccessKey) is not set; S3 storage needs a secret key")
        }
        let token = environment[names.sessionToken].flatMap { $0.isEmpty ? nil : $0 }
        return StorageCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token)
    }
}
