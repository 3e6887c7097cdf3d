public import Foundation

/// Everything an `S3Storage` needs: where, how to address it, and how to sign and retry.
public struct S3Configuration: Sendable {
    /// Bucket name.
    public var bucket: String
    /// Key prefix without leading or trailing `/` (may be empty).
    public var prefix: String
    /// Service endpoint (`https://s3.us-east-1.amazonaws.com`, an R2 or MinIO URL).
    public var endpoint: URL
    /// Signing region (`auto` for R2).
    public var region: String
    /// Path-style (`endpoint/bucket/key`) rather than virtual-hosted (`bucket.endpoint/key`).
    public var pathStyle: Bool
    /// Signing keys.
    public var credentials: StorageCredentials
    /// Objects above this size go up as multipart uploads.
    public var multipartThreshold: Int64 = 16 << 20
    /// Size of each multipart part (S3 needs at least 5 MiB).
    public var partSize: Int64 = 8 << 20
    /// Seconds without progress before a request times out.
    public var timeout: Double = 30
    /// Retry policy for 5xx, 429, resets and timeouts.
    public var retry = RetryPolicy()
    /// Objects moved at once.
    public var concurrency = 8

    /// A configuration with defaults for sizes, timeouts and retries.
    public init(
        bucket: String, prefix: String, endpoint: URL, region: String, pathStyle: Bool,
        credentials: StorageCredentials
    ) {
        self.bucket = bucket
        self.prefix = prefix
        self.endpoint = endpoint
        self.region = region
        self.pathStyle = pathStyle
        self.credentials = credentials
    }

    /// Splits `s3://bucket/some/prefix` into bucket and prefix; nil when not an s3 URL.
    public static func parseLocation(_ text: String) -> (bucket: String, prefix: String)? {
        guard text.hasPrefix("s3://") else { return nil }
        let rest = text.dropFirst(5)
        let parts = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let bucket = parts.first, !bucket.isEmpty else { return nil }
        let prefix = parts.count > 1 ? String(parts[1]) : ""
        return (String(bucket), prefix.trimmingCharacters(in: CharacterSet(charactersIn: "/")))
    }

    /// Resolves a full configuration for `location` from flags, the manifest's `storage`
    /// section and the environment (`AWS_*` variables, or the ones the section names).
    public static func resolve(
        location: String, endpointFlag: String?, settings: StorageSettings?,
        environment: [String: String]
    ) throws(StorageError) -> S3Configuration {
        guard let (bucket, prefix) = parseLocation(location) else {
            throw .configuration("'\(location)' is not an s3://bucket/prefix URL")
        }
        let settings = settings ?? StorageSettings()
        let fromEnvName = settings.endpointEnv.flatMap { environment[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        if let name = settings.endpointEnv, fromEnvName == nil, endpointFlag == nil {
            throw .configuration("\(name) (named by manifest storage.endpoint_env) is not set")
        }
        var region = settings.region ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"]
        let endpointText = endpointFlag ?? fromEnvName ?? settings.endpoint
            ?? environment["AWS_ENDPOINT_URL_S3"] ?? environment["AWS_ENDPOINT_URL"]
        let endpoint: URL
        if let endpointText {
            guard let url = URL(string: endpointText), let scheme = url.scheme, ["http", "https"].contains(scheme),
                url.host != nil
            else { throw .configuration("endpoint '\(endpointText)' is not an http(s) URL") }
            endpoint = url
            if region == nil, url.host?.hasSuffix(".r2.cloudflarestorage.com") == true { region = "auto" }
        } else {
            let chosen = region ?? "us-east-1"
            guard let url = URL(string: "https://s3.\(chosen).amazonaws.com") else {
                throw .configuration("region '\(chosen)' is not a valid region name")
            }
            endpoint = url
        }
        let pathStyle: Bool
        switch settings.addressing {
        case "path": pathStyle = true
        case "virtual": pathStyle = false
        case nil:
            let isAWS = endpoint.host?.hasSuffix(".amazonaws.com") == true
            pathStyle = !isAWS || bucket.contains(".")
        case let other?:
            throw .configuration("manifest.json: storage.addressing '\(other)' must be 'path' or 'virtual'")
        }
        let credentials = try StorageCredentials.from(environment: environment, names: settings.credentialNames)
        var config = S3Configuration(
            bucket: bucket, prefix: prefix, endpoint: endpoint, region: region ?? "us-east-1",
            pathStyle: pathStyle, credentials: credentials)
        if let threshold = settings.multipartThreshold { config.multipartThreshold = max(threshold, 5 << 20) }
        return config
    }
}
