import ArgumentParser
import Foundation
import SkillEx

/// `skillex sync`: collect every repository's skills into the skills folder (v0.1 compatible).
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Copy and validate every repository's skills; record checksums in the manifest.",
        discussion: """
            Takes the workspace lock (not with --dry-run); see skillex build --help.
            Exit status: 0 ok, 1 any repository or skill failed, 2 bad manifest or flags, or the \
            workspace is locked by another run.

            Examples:
              skillex sync
              skillex sync --manifest hub/manifest.json --dry-run
              skillex sync --offline        # git sources from their cached checkouts
              skillex sync --clock 2025-01-01T00:00:00Z --version 1.4.0 --format json
            """)

    @Option(help: "The hub manifest.") var manifest = "manifest.json"
    @Option(help: "Where skills are copied (default: skills/ beside the manifest).") var target: String?
    @Option(help: "A global external validator run on every skill (the skill path is appended).")
    var packageScript: String?
    @Flag(help: "Report what would change; write nothing.") var dryRun = false
    @Flag(help: "Copy every skill even when its checksum did not change.") var force = false
    @Flag(help: "Validate exactly as the reference validator skills-ref does.") var strict = false
    @Flag(help: "Use the cached checkouts of git sources; fetch nothing.") var offline = false
    @Option(help: "Use this time (ISO 8601) instead of the system clock.") var clock: String?
    @Option(help: "Version label reported in the summary.") var version: String?
    @Option(help: "Output format: text or json (json when stdout is not a terminal).")
    var format: OutputFormat?
    @OptionGroup var logging: LogOptions
    @OptionGroup var lock: LockOptions

    func run() throws {
        let context = try CommandContext(
            manifest: manifest, target: target, clock: clock, lock: dryRun ? nil : "sync", wait: lock)
        let telemetry = logging.telemetry(for: context.workspace, eventLog: !dryRun)
        let progress = ProgressLine(label: "sync")
        progress.attach(to: telemetry)
        var options = SyncOptions()
        options.dryRun = dryRun
        options.force = force
        options.offline = offline
        options.version = version
        options.mode = strict ? .strict : .standard
        options.packageScript = packageScript.map { [$0] }
        let (result, updated) = try context.run {
            try Syncer(workspace: context.workspace, options: options, telemetry: telemetry).sync($0)
        }
        progress.finish()
        if !dryRun {
            do { try ManifestStore.save(updated, to: context.workspace.manifestURL) } catch {
                throw ExitStatus.inputError(error)
            }
        }
        switch OutputFormat.resolve(format) {
        case .json: try JSONOutput.print(result)
        case .text: SyncTextReport.print(result)
        }
        if result.status != "ok" { throw ExitStatus.failed }
    }
}
