import ArgumentParser
import Foundation
import SkillEx

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

    /// The manifest's limits (when `--manifest` names one), then each flag given.
    private func archiveLimits(cwd: URL) throws -> ArchiveLimits {
        var limits = ArchiveLimits.standard
        if let manifest {
            limits = try ArchiveLimits.of(ManifestStore.load(URL(fileURLWithPath: manifest, relativeTo: cwd)))
        }
        limits.maxEntryBytes = maxFileBytes ?? limits.maxEntryBytes
        limits.maxTotalBytes = maxTotalBytes ?? limits.maxTotalBytes
        limits.maxEntries = maxEntries ?? limits.maxEntries
        limits.maxRatio = maxRatio ?? limits.maxRatio
        return limits
    }

    func validate() throws {
        if [maxFileBytes, maxTotalBytes, maxEntries, maxRatio].contains(0) {
            throw ValidationError("--max-file-bytes, --max-total-bytes, --max-entries and --max-ratio must be positive")
        }
    }

    func run() async throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let target = URL(fileURLWithPath: into, relativeTo: cwd).standardizedFileURL
        let result: PullResult
        let held: WorkspaceLock
        do {
            held = try WorkspaceLock.acquire(at: WorkspaceLock.url(beside: target), command: "pull", wait: lock.seconds)
        } catch { throw ExitStatus.inputError(error) }
        // The lock file sits beside the user's folder: removed again when the pull ends.
        defer { held.release(removing: true) }
        PullRecovery.recover(target: target)
        do {
            let workspace = Workspace(root: cwd, environment: ProcessInfo.processInfo.environment)
            let resolver = PackSourceResolver.standard.adding(scheme: "s3") { [endpoint] _, text in
                StoragePackSource(
                    storage: try StorageLocator.storage(
                        for: text, endpoint: endpoint, settings: nil, base: cwd, workspace: workspace))
            }
            let source = try resolver.source(for: from, base: cwd)
            let limits = try archiveLimits(cwd: cwd)
            result = try await Puller(source: source, limits: limits).pull(into: target)
        } catch let error as PullError {
            switch error {
            case .digestMismatch, .sizeMismatch, .skillMismatch, .badArchive:
                Terminal.err("skillex: error: " + error.description)
                throw ExitStatus.failed
            default: throw ExitStatus.inputError(error)
            }
        } catch { throw ExitStatus.inputError(error) }
        switch OutputFormat.resolve(format) {
        case .json: try JSONOutput.print(result)
        case .text:
            if result.status == "up_to_date" {
                Terminal.out("\(into) is up to date (\(result.to))")
            } else {
                Terminal.out(
                    Terminal.paint("pulled", "32")
                        + " \(result.from ?? "(empty)") → \(result.to) via \(result.route): "
                        + "\(result.files.count) files, \(result.bytesFetched) bytes, \(result.skills) skills")
            }
        }
    }
}
