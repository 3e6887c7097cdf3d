import ArgumentParser
import Foundation
import SkillEx
import SkillExPipeline

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

    @Option(help: "Where skills are copied (default: skills/ beside the manifest).") var target: String?
    @Option(help: "A global external validator run on every skill (the skill path is appended).")
    var packageScript: String?
    @Flag(help: "Report what would change; write nothing.") var dryRun = false
    @Flag(help: "Copy every skill even when its checksum did not change.") var force = false
    @Flag(help: "Validate exactly as the reference validator skills-ref does.") var strict = false
    @Flag(help: "Use the cached checkouts of git sources; fetch nothing.") var offline = false
    @Option(help: "Version label reported in the summary.") var version: String?
    @OptionGroup var common: StandardOptions

    func run() throws {
        let context = try common.context(lock: dryRun ? nil : "sync", target: target)
        let job = common.jobContext(context, eventLog: !dryRun)
        let progress = ProgressLine(label: "sync")
        if let telemetry = job.telemetry { progress.attach(to: telemetry) }
        var options = SyncOptions()
        (options.dryRun, options.force, options.version) = (dryRun, force, version)
        options.offline = offline
        options.mode = strict ? .strict : .standard
        options.packageScript = packageScript.map { [$0] }
        let report = try context.run { try SyncJob(context: job, options: options).run($0) }
        progress.finish()
        switch common.resolvedFormat {
        case .json: try JSONOutput.print(report.result)
        case .text: SyncTextReport.print(report.result)
        }
        if report.status == .problems { throw ExitStatus.failed }
    }
}
