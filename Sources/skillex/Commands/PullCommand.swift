import ArgumentParser
import Foundation
import SkillEx
import SkillExPipeline

/// `skillex pull`: bring a local folder up to a source's latest pack, fetching only what changed.
struct PullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Bring a folder up to the latest pack version, fetching only the deltas it needs.",
        discussion: """
            Reads the source's index.json, finds the version DIR holds (its skillex-pack.json), \
            fetches the cheapest chain of deltas (or the full pack), verifies every file's SHA-256 \
            and every skill's checksum, then swaps the new tree in atomically. On any error DIR is \
            left exactly as it was.
            Two pulls into one DIR never overlap: the second exits 2 naming the first (lock file \
            .DIR.skillex-lock beside DIR), or waits with --wait / --wait-timeout.
            Exit status: 0 ok, 1 verification failed (checksum, damaged or unsafe archive), 2 bad input \
            or DIR is locked by another pull.

            Examples:
              skillex pull --from hub/dist --into vendor/skills
              skillex pull --from file:///srv/skills/dist --into ~/.claude/skills --format json
              skillex pull --from s3://skills-bucket/hub --endpoint http://127.0.0.1:9000 --into vendor/skills
              skillex pull --from hub/dist --into vendor/skills --max-file-bytes 268435456
            Archive bounds: --max-file-bytes, --max-total-bytes, --max-entries and --max-ratio, else \
            the limits section of --manifest (max_file_bytes, max_archive_bytes, max_archive_entries, \
            max_archive_ratio), else the defaults. A full pack may hold only the files its \
            skillex-pack.json declares, with execute bits only where it says so.
            """)

    @Option(help: "A published dist/: a path, a file:// URL, or s3://bucket/prefix.") var from: String
    @Option(help: "S3-compatible endpoint for s3:// sources (default: AWS_ENDPOINT_URL or AWS).")
    var endpoint: String?
    @Option(help: "The folder to bring up to date (created when missing).") var into: String
    @Option(help: "Refuse an archive entry that unpacks to more bytes than this (default 64 MiB).")
    var maxFileBytes: UInt64?
    @Option(help: "Refuse an archive that unpacks to more bytes than this in all (default 4 GiB).")
    var maxTotalBytes: UInt64?
    @Option(help: "Refuse an archive with more entries than this (default 100000).")
    var maxEntries: UInt64?
    @Option(help: "Refuse an archive that unpacks to more than this many times its size, above 16 MiB (default 100).")
    var maxRatio: UInt64?
    @Option(help: "A hub manifest whose limits section sets the bounds above (flags win).")
    var manifest: String?
    @Option(help: "Output format: text or json (json when stdout is not a terminal).")
    var format: OutputFormat?
    @OptionGroup var lock: LockOptions

    func validate() throws {
        if [maxFileBytes, maxTotalBytes, maxEntries, maxRatio].contains(0) {
            throw ValidationError("--max-file-bytes, --max-total-bytes, --max-entries and --max-ratio must be positive")
        }
    }

    func run() async throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var job = PullJob(
            source: from, target: URL(fileURLWithPath: into, relativeTo: cwd).standardizedFileURL, base: cwd,
            environment: ProcessInfo.processInfo.environment)
        (job.endpoint, job.manifest, job.lockWait) = (endpoint, manifest.map { URL(fileURLWithPath: $0, relativeTo: cwd) }, lock.seconds)
        (job.maxEntryBytes, job.maxTotalBytes, job.maxEntries, job.maxRatio) = (maxFileBytes, maxTotalBytes, maxEntries, maxRatio)
        let result: PullResult
        do { result = try await job.run() } catch let error as PullError {
            switch error {
            case .digestMismatch, .sizeMismatch, .skillMismatch, .badArchive:
                Terminal.err("skillex: error: " + error.description)
                throw ExitStatus.failed
            default: throw ExitStatus.inputError(error)
            }
        } catch { throw ExitStatus.inputError(error) }
        switch OutputFormat.resolve(format) {
        case .json: try JSONOutput.print(result)
        case .text: PullTextReport.print(result, into: into)
        }
    }
}
