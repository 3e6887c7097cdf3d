public import Foundation

/// A `PackSource` over any `Storage` (an S3/R2 bucket prefix), so `skillex pull --from s3://…`
/// takes the same path as a folder: only the files the plan names are fetched.
public struct StoragePackSource: PackSource {
    /// The storage holding a published `dist/`.
    public let storage: any Storage

    /// A source reading from `storage`.
    public init(storage: any Storage) { self.storage = storage }

    /// The storage's description (never credentials).
    public var location: String { storage.location }

    /// The object under `relativePath`.
    public func fetch(_ relativePath: String) async throws -> Data {
        do { return try await storage.get(key: relativePath) } catch {
            throw PullError.fetchFailed(file: location + "/" + relativePath, reason: ErrorText.brief(error))
        }
    }
}
