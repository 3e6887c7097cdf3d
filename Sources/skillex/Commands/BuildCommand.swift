import ArgumentParser
import Foundation
import SkillEx
import SkillExPipeline

/// `skillex build`: the whole pipeline, step by step.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Run the whole pipeline: sync, score, gate and package, publish, site.",
        discussion: """
            Prints `[i/n] step` progress on a terminal. Every step runs even when an earlier one \
            reported problems (an invalid skill, a skill refused by the gate); the exit status is \
            then 1. Publishing runs only when manifest.json has a `storage` section.
            Takes the workspace lock (.skillex/lock): while another run holds it, exits 2 naming \
            the holder, or waits with --wait / --wait-timeout.
            --format json prints the typed report (schemas/build-report.schema.json): each \
            stage's status (ok, problems, skipped), counts and duration.
            Exit status: 0 ok, 1 a step reported problems (an invalid or refused skill), 2 a step \
            could not run, every repository in the manifest is missing (nothing is packaged), or \
            the workspace is locked.

            Examples:
              skillex build
              skillex build --manifest examples/hub/manifest.json
              skillex build --clock 2025-01-01T00:00:00Z --format json
              skillex build --wait-timeout 600     # queue behind a run already in progress
              skillex build --offline              # git sources from their cached checkouts
            """)

    @Option(help: "Site output folder (default: public/ beside the manifest).") var out: String?
    @Flag(help: "Sync git sources from their cached checkouts; fetch nothing.") var offline = false
    @OptionGroup var common: StandardOptions

    func run() async throws {
        // fastincr: the state files later stages decode load on another core meanwhile.
        let context = try common.context(lock: "build", beforeLoading: BuildJob.prefetch)
        var job = BuildJob(
            context: common.jobContext(context), out: out.map { URL(fileURLWithPath: $0).standardizedFileURL },
            lockWait: common.lockSeconds)
        job.syncOptions.offline = offline
        let showProgress = Terminal.isInteractive(2)
        let report: BuildJobReport
        do {
            report = try await job.run(context.manifest) { stage, index, count in
                if showProgress { Terminal.err("[\(index)/\(count)] \(stage.rawValue)") }
            }
        } catch {
            job.context.telemetry?.flush()
            throw ExitStatus.inputError(error)
        }
        job.context.telemetry?.flush()
        switch common.resolvedFormat {
        case .json: try JSONOutput.print(report)
        case .text:
            for stage in report.stages {
                let mark = stage.status.passed ? Terminal.paint("✓", "32") : Terminal.paint("✗", "31")
                Terminal.out("\(mark) \(stage.stage.rawValue): \(stage.summary)")
                for line in stage.warnings ?? [] { Terminal.err(Terminal.paint("warning", "33", fd: 2) + ": " + line) }
            }
        }
        if report.status == .problems { throw ExitStatus.failed }
    }
}
