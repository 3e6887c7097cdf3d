import ArgumentParser
import Foundation
import SkillEx

/// `skillex publish`: mirror dist/ to a folder or an S3-compatible bucket, index last.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Upload dist/ (packs, deltas, index.json, SHA256SUMS) and manifest.json metadata.",
        discussion: """
            Objects already stored with the same SHA-256 are not sent again; index.json is \
            uploaded last. Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / \
            AWS_SESSION_TOKEN (or the variables manifest storage names); the endpoint from \
            --endpoint, storage.endpoint_env, AWS_ENDPOINT_URL, else AWS S3 in AWS_REGION.
            After an upload, webhooks subscribed to `published` are sent; a failed webhook is \
            reported but does not fail the command.
            Exit status: 0 published, 1 the storage failed, 2 bad flags, manifest or dist/, or the \
            workspace is locked by another run (--wait waits for it).

            Examples:
              skillex publish --to s3://skills-bucket/hub
              skillex publish --to s3://skills --endpoint https://ACCT.r2.cloudflarestorage.com
              skillex publish --to /srv/skills-mirror --dry-run
              skillex publish --format json     # destination from manifest storage.url
            """)

    @Option(help: "The hub manifest.") var manifest = "manifest.json"
    @Option(help: "s3://bucket/prefix or a folder (default: the manifest's storage.url).") var to: String?
    @Option(help: "S3 endpoint URL (MinIO, R2, a local server).") var endpoint: String?
    @Option(help: "Objects larger than this many bytes use multipart upload (min 5 MiB).")
    var multipartThreshold: Int64?
    @Option(help: "Uploads in flight at once.") var concurrency = 8
    @Flag(help: "List what would be uploaded; send nothing.") var dryRun = false
    @Option(help: "Output format: text or json (json when stdout is not a terminal).")
    var format: OutputFormat?
    @OptionGroup var lock: LockOptions

    func run() async throws {
        let context = try CommandContext(manifest: manifest, lock: dryRun ? nil : "publish", wait: lock)
        let (storage, hooks) = try context.run { manifest throws -> (any Storage, [WebhookSettings]) in
            var settings = try StorageSettings.from(manifest)
            if let multipartThreshold {
                settings = settings ?? StorageSettings()
                settings?.multipartThreshold = multipartThreshold
            }
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let base = to == nil ? context.workspace.root : cwd
            guard let target = to ?? settings?.url else {
                throw StorageError.configuration("no destination: pass --to s3://bucket/prefix or DIR, or set storage.url in manifest.json")
            }
            let storage = try StorageLocator.storage(
                for: target, endpoint: endpoint, settings: settings, base: base, workspace: context.workspace)
            return (storage, try WebhookSettings.from(manifest))
        }
        let targetLock = dryRun ? nil : try CommandContext.lockTarget(storage, command: "publish", wait: lock.seconds)
        defer { targetLock?.release(removing: true) }
        var publisher = Publisher(storage: storage, workspace: context.workspace)
        publisher.concurrency = max(1, concurrency)
        let dispatcher = hooks.isEmpty ? nil : WebhookDispatcher(webhooks: hooks, workspace: context.workspace)
        let report: PublishReport
        do { report = try await publisher.publish(manifest: context.manifest, dryRun: dryRun, dispatcher: dispatcher) } catch {
            throw ExitStatus.inputError(error)
        }
        switch OutputFormat.resolve(format) {
        case .json: try JSONOutput.print(report)
        case .text: PublishTextReport.print(report)
        }
        if report.status != "ok" {
            Terminal.err("skillex: error: " + (report.error ?? "publish failed"))
            throw ExitStatus.failed
        }
    }
}
