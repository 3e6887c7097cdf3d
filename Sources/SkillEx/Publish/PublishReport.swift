/// What `skillex publish` did (or, in a dry run, would do).
public struct PublishReport: Sendable, Codable, Equatable {
    /// One object's fate.
    public struct Object: Sendable, Codable, Equatable {
        /// Key relative to the storage root.
        public var key: String
        /// Size in bytes.
        public var size: Int64
        /// Lowercase hex SHA-256.
        public var sha256: String
        /// `uploaded`, `unchanged`, `would_upload` or `not_uploaded` (after a failure).
        public var action: String
    }

    /// `ok` or `failed`.
    public var status: PublishStatus
    /// Where the objects went (`s3://bucket/prefix` or a folder).
    public var location: String
    /// True when nothing was written.
    public var dryRun: Bool
    /// The index's newest version.
    public var latest: String?
    /// Every object, in upload order (`index.json` last).
    public var objects: [Object]
    /// Objects uploaded (or that would be).
    public var uploaded: Int
    /// Objects already present with the same checksum.
    public var unchanged: Int
    /// Bytes uploaded (or that would be).
    public var bytesUploaded: Int64
    /// Requests and bytes the storage saw.
    public var transfer: TransferStats.Snapshot
    /// Webhook deliveries made after publishing.
    public var webhooks: [DeliveryResult]
    /// The error that stopped the publish, one line.
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case status, location, latest, objects, uploaded, unchanged, transfer, webhooks, error
        case dryRun = "dry_run", bytesUploaded = "bytes_uploaded"
    }
}
