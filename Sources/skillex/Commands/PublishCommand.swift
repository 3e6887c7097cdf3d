import ArgumentParser
import Foundation
import SkillEx
import SkillExPipeline

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

    @Option(help: "s3://bucket/prefix or a folder (default: the manifest's storage.url).") var to: String?
    @Option(help: "S3 endpoint URL (MinIO, R2, a local server).") var endpoint: String?
    @Option(help: "Objects larger than this many bytes use multipart upload (min 5 MiB).")
    var multipartThreshold: Int64?
    @Option(help: "Uploads in flight at once.") var concurrency = 8
    @Flag(help: "List what would be uploaded; send nothing.") var dryRun = false
    @OptionGroup var common: StandardOptions

    func run() async throws {
        let context = try common.context(lock: dryRun ? nil : "publish")
        var job = PublishJob(context: common.quietJobContext(context))
        (job.destination, job.endpoint, job.multipartThreshold) = (to, endpoint, multipartThreshold)
        (job.concurrency, job.dryRun, job.lockWait) = (concurrency, dryRun, common.lockSeconds)
        let published = try await context.runAsync { try await job.run($0) }
        guard let report = published.report else { return }
        switch common.resolvedFormat {
        case .json: try JSONOutput.print(report)
        case .text: PublishTextReport.print(report)
        }
        if published.status == .problems {
            Terminal.err("skillex: error: " + (report.error ?? "publish failed"))
            throw ExitStatus.failed
        }
    }
}
