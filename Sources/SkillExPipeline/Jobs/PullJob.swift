public import Foundation
public import SkillEx

/// The pull use case: bring a folder up to a source's latest pack, fetching only the deltas it
/// needs. Holds the folder's lock (`.DIR.skillex-lock` beside it) for the whole pull, clears
/// what a killed pull left, resolves the source (a path, file:// or s3://) and the archive
/// bounds (the manifest's `limits`, then each explicit bound).
public struct PullJob: Sendable {
    /// `--from`: a path, a file:// URL, or s3://bucket/prefix.
    public var source: String
    /// The folder to bring up to date.
    public var target: URL
    /// The S3 endpoint for s3:// sources.
    public var endpoint: String?
    /// A hub manifest whose `limits` section sets the bounds.
    public var manifest: URL?
    /// Bounds that win over the manifest's (nil: keep).
    public var maxEntryBytes, maxTotalBytes, maxEntries, maxRatio: UInt64?
    /// Seconds to wait for another pull into `target`.
    public var lockWait: Double = 0
    /// Relative sources resolve against it.
    public var base: URL
    /// The environment (credentials of s3:// sources).
    public var environment: [String: String]

    /// A pull of `source` into `target`.
    public init(source: String, target: URL, base: URL, environment: [String: String]) {
        self.source = source
        self.target = target
        self.base = base
        self.environment = environment
    }

    /// Pulls; throws `WorkspaceLockError`, `PullError` or an input error.
    public func run() async throws -> PullResult {
        let held = try WorkspaceLock.acquire(at: WorkspaceLock.url(beside: target), command: "pull", wait: lockWait)
        // The lock file sits beside the user's folder: removed again when the pull ends.
        defer { held.release(removing: true) }
        PullRecovery.recover(target: target)
        let workspace = Workspace(root: base, environment: environment)
        let resolver = PackSourceResolver.standard.adding(scheme: "s3") { [endpoint, base] _, text in
            StoragePackSource(
                storage: try StorageLocator.storage(
                    for: text, endpoint: endpoint, settings: nil, base: base, workspace: workspace))
        }
        let pack = try resolver.source(for: source, base: base)
        return try await Puller(source: pack, limits: try limits()).pull(into: target)
    }

    /// The manifest's limits (when one is named), then each explicit bound.
    private func limits() throws -> ArchiveLimits {
        var limits = ArchiveLimits.standard
        if let manifest { limits = try ArchiveLimits.of(ManifestStore.load(manifest)) }
        limits.maxEntryBytes = maxEntryBytes ?? limits.maxEntryBytes
        limits.maxTotalBytes = maxTotalBytes ?? limits.maxTotalBytes
        limits.maxEntries = maxEntries ?? limits.maxEntries
        limits.maxRatio = maxRatio ?? limits.maxRatio
        return limits
    }
}
