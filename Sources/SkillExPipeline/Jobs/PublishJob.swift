import Foundation
public import SkillEx

/// The publish use case: mirror dist/ to a folder or an S3-compatible bucket (index last),
/// then send the `published` webhooks. `skillex publish` and the build's publish stage run it.
public struct PublishJob: Sendable {
    /// Where it runs.
    public var context: JobContext
    /// `--to`: s3://bucket/prefix or a folder, relative to the current directory; nil uses the
    /// manifest's `storage.url` (relative to the hub).
    public var destination: String?
    /// The S3 endpoint (`--endpoint`).
    public var endpoint: String?
    /// Objects larger than this use multipart upload.
    public var multipartThreshold: Int64?
    /// Uploads in flight at once.
    public var concurrency = 8
    /// List what would be uploaded; send nothing (and take no lock).
    public var dryRun = false
    /// Seconds to wait for a folder target's lock.
    public var lockWait: Double = 0
    /// The command named in the target's lock file.
    public var command = "publish"
    /// With no destination at all, skip (the build) instead of failing (`skillex publish`).
    public var skipsWithoutDestination = false

    /// A publish job.
    public init(context: JobContext) { self.context = context }

    /// Publishes dist/ with `manifest`'s settings.
    public func run(_ manifest: Manifest) async throws -> PublishJobReport {
        let workspace = context.workspace
        var settings = try StorageSettings.from(manifest)
        if let multipartThreshold {
            settings = settings ?? StorageSettings()
            settings?.multipartThreshold = multipartThreshold
        }
        guard let target = destination ?? settings?.url else {
            if skipsWithoutDestination { return PublishJobReport(report: nil) }
            throw StorageError.configuration(
                "no destination: pass --to s3://bucket/prefix or DIR, or set storage.url in manifest.json")
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let storage = try StorageLocator.storage(
            for: target, endpoint: endpoint, settings: settings, base: destination == nil ? workspace.root : cwd,
            workspace: workspace)
        let hooks = try WebhookSettings.from(manifest)
        let targetLock = dryRun ? nil : try PublishTargetLock.acquire(storage, command: command, wait: lockWait)
        defer { targetLock?.release(removing: true) }
        var publisher = SkillEx.Publisher(storage: storage, workspace: workspace)
        publisher.concurrency = max(1, concurrency)
        let dispatcher = hooks.isEmpty ? nil : WebhookDispatcher(webhooks: hooks, workspace: workspace)
        let report = try await publisher.publish(manifest: manifest, dryRun: dryRun, dispatcher: dispatcher)
        return PublishJobReport(report: report)
    }
}

/// What a publish did; no report when it was skipped.
public struct PublishJobReport: Sendable {
    /// The storage's report (`skillex publish --format json` prints it as it is).
    public var report: PublishReport?

    /// `skipped` without a destination, `problems` when the storage failed.
    public var status: StageStatus {
        guard let report else { return .skipped }
        return report.status == .ok ? .ok : .problems
    }
}
