public import Foundation

/// Where published objects live: a local folder or an S3-compatible bucket.
///
/// Keys are `/`-separated paths relative to the storage's root (its folder or bucket prefix).
public protocol Storage: Sendable {
    /// A short human description (`s3://bucket/prefix`, a folder path); never credentials.
    var location: String { get }
    /// Counts of requests and bytes moved so far.
    var stats: TransferStats { get }

    /// Stores the file at `file` under `key`; `sha256` is its lowercase hex digest.
    func put(key: String, file: URL, size: Int64, sha256: String, contentType: String) async throws
    /// The bytes stored under `key`; `StorageError.notFound` when absent.
    func get(key: String) async throws -> Data
    /// Size and checksum of `key`, nil when absent.
    func head(key: String) async throws -> StoredObject?
    /// Every object under `prefix` (relative to the root), with sizes.
    func list(prefix: String) async throws -> [StoredObject]
    /// Removes `key`; absent keys are not an error.
    func delete(key: String) async throws
}

extension Storage {
    /// Downloads `key` into `destination` atomically after checking its size and SHA-256;
    /// what `skillex pull` uses to fetch packs and deltas named by `index.json`.
    public func fetch(key: String, size: Int64?, sha256: String?, to destination: URL) async throws {
        let data = try await get(key: key)
        if let size, Int64(data.count) != size {
            throw StorageError.integrity("\(location)/\(key): expected \(size) bytes, received \(data.count)")
        }
        if let sha256, Digest.sha256Hex(data) != sha256.lowercased() {
            throw StorageError.integrity("\(location)/\(key): SHA-256 does not match the index")
        }
        try AtomicFile.write(data, to: destination)
    }
}

/// One object as storage reports it.
public struct StoredObject: Sendable, Equatable, Codable {
    /// Key relative to the storage root.
    public var key: String
    /// Size in bytes.
    public var size: Int64
    /// Lowercase hex SHA-256 when the storage knows it (metadata or checksum header).
    public var sha256: String?

    /// An object description.
    public init(key: String, size: Int64, sha256: String? = nil) {
        self.key = key
        self.size = size
        self.sha256 = sha256
    }
}
