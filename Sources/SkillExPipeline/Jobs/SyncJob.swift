public import SkillEx

/// The sync use case: copy and validate every repository's skills, record their checksums.
/// `skillex sync` runs it on its own (and saves manifest.json); the build runs it as its first
/// stage and leaves the manifest to the score stage, which writes it once.
public struct SyncJob: Sendable {
    /// Where it runs.
    public var context: JobContext
    /// Dry run, force, strict mode, version label, external validator.
    public var options: SyncOptions
    /// Write manifest.json when done (never in a dry run).
    public var savesManifest: Bool

    /// A sync job.
    public init(context: JobContext, options: SyncOptions = SyncOptions(), savesManifest: Bool = true) {
        self.context = context
        self.options = options
        self.savesManifest = savesManifest
    }

    /// Syncs `manifest`'s repositories; throws on bad input (a repository error is reported).
    public func run(_ manifest: Manifest) throws -> SyncJobReport {
        let syncer = Syncer(workspace: context.workspace, options: options, telemetry: context.telemetry)
        let (result, updated) = try syncer.sync(manifest)
        if savesManifest, !options.dryRun { try ManifestStore.save(updated, to: context.workspace.manifestURL) }
        return SyncJobReport(result: result, manifest: updated)
    }
}

/// What a sync did, and the manifest it leaves.
public struct SyncJobReport: Sendable {
    /// The v0.1-shaped result (`skillex sync --format json` prints it as it is).
    public var result: SyncResult
    /// The manifest with the new checksums.
    public var manifest: Manifest

    /// `problems` when a repository or a skill failed.
    public var status: StageStatus { result.status == .ok ? .ok : .problems }
}
