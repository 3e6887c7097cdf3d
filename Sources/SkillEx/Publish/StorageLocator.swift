public import Foundation

/// Turns `--to`/`--from` text or the manifest's `storage.url` into a `Storage`.
public enum StorageLocator {
    /// `s3://…` becomes an `S3Storage`; anything else a `FolderStorage` resolved against `base`.
    public static func storage(
        for target: String, endpoint: String?, settings: StorageSettings?, base: URL, workspace: Workspace
    ) throws(StorageError) -> any Storage {
        if target.hasPrefix("s3://") {
            let config = try S3Configuration.resolve(
                location: target, endpointFlag: endpoint, settings: settings, environment: workspace.environment)
            return S3Storage(config: config, clock: workspace.clock)
        }
        if target.contains("://") {
            throw .configuration("'\(target)' is neither an s3:// URL nor a folder")
        }
        return FolderStorage(root: URL(fileURLWithPath: target, relativeTo: base).standardizedFileURL)
    }
}
