import ArgumentParser
import Foundation
import SkillEx
import SkillExSite

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
            Exit status: 0 ok, 1 a step reported problems (an invalid or refused skill), 2 a step \
            could not run, every repository in the manifest is missing (nothing is packaged), or \
            the workspace is locked.

            Examples:
              skillex build
              skillex build --manifest examples/hub/manifest.json
              skillex build --clock 2025-01-01T00:00:00Z --format json
              skillex build --wait-timeout 600     # queue behind a run already in progress
            """)

    @Option(help: "The hub manifest.") var manifest = "manifest.json"
    @Option(help: "Site output folder (default: public/ beside the manifest).") var out: String?
    @Option(help: "Use this time (ISO 8601) instead of the system clock.") var clock: String?
    @Option(help: "Output format: text or json (json when stdout is not a terminal).")
    var format: OutputFormat?
    @OptionGroup var logging: LogOptions
    @OptionGroup var lock: LockOptions

    func run() async throws {
        let context = try CommandContext(manifest: manifest, clock: clock, lock: "build", wait: lock)
        let telemetry = logging.telemetry(for: context.workspace)
        var state = BuildContext(workspace: context.workspace, manifest: context.manifest, telemetry: telemetry)
        let pipeline = BuildPipeline(StandardBuild.steps(out: out.map { URL(fileURLWithPath: $0).standardizedFileURL }, wait: lock.seconds))
        let showProgress = Terminal.isInteractive(2)
        let report: BuildReport
        do {
            report = try await pipeline.run(&state) { index, count, name in
                if showProgress { Terminal.err("[\(index)/\(count)] \(name)") }
            }
        } catch {
            telemetry.flush()
            throw ExitStatus.inputError(error)
        }
        telemetry.flush()
        switch OutputFormat.resolve(format) {
        case .json: try JSONOutput.print(report)
        case .text:
            for step in report.steps {
                let mark = step.ok ? Terminal.paint("✓", "32") : Terminal.paint("✗", "31")
                Terminal.out("\(mark) \(step.step): \(step.summary)")
                for line in step.warnings ?? [] { Terminal.err(Terminal.paint("warning", "33", fd: 2) + ": " + line) }  // issue #20
            }
        }
        if !report.ok { throw ExitStatus.failed }
    }
}
