import ArgumentParser
import Foundation
import SkillEx
import SkillExPipeline

/// A `--format` choice that falls back on `SKILLEX_FORMAT` and on whether stdout is a terminal.
protocol CommandFormat: ExpressibleByArgument, CaseIterable {
    /// The format to use when the user gave `explicit` (or none).
    static func resolve(_ explicit: Self?) -> Self
}

extension OutputFormat: CommandFormat {}
extension ScoreFormat: CommandFormat {}

/// The options every workspace command shares: `--manifest`, `--clock`, `--format`, logging
/// (`--log-format`, `--log-level`) and locking (`--wait`, `--wait-timeout`).
struct CommonOptions<Format: CommandFormat>: ParsableArguments {
    @Option(help: "The hub manifest.") var manifest = "manifest.json"
    @Option(help: "Use this time (ISO 8601) instead of the system clock (else SOURCE_DATE_EPOCH).")
    var clock: String?
    @Option(help: ArgumentHelp("Output format: \(Format.allValueStrings.joined(separator: ", ")) (json when stdout is not a terminal)."))
    var format: Format?
    @OptionGroup var logging: LogOptions
    @OptionGroup var lock: LockOptions

    /// The format to print in.
    var resolvedFormat: Format { Format.resolve(format) }

    /// The workspace and its manifest; takes the workspace lock for `command` (nil: none).
    func context(
        lock command: String?, target: String? = nil, beforeLoading: ((Workspace) -> Void)? = nil
    ) throws -> CommandContext {
        try CommandContext(
            manifest: manifest, target: target, clock: clock, lock: command, wait: lock, beforeLoading: beforeLoading)
    }

    /// A job context: logging set up, events on the workspace's log (`eventLog`), warnings on stderr.
    func jobContext(_ context: CommandContext, eventLog: Bool = true) -> JobContext {
        JobContext(
            workspace: context.workspace, telemetry: logging.telemetry(for: context.workspace, eventLog: eventLog),
            warn: { Terminal.err($0) })
    }

    /// A job context for a command that logs no events: logging set up, warnings on stderr.
    func quietJobContext(_ context: CommandContext) -> JobContext {
        logging.bootstrap(runID: UUID().uuidString.lowercased())
        return JobContext(workspace: context.workspace, warn: { Terminal.err($0) })
    }
}

/// The common options with `--format text|json`.
typealias StandardOptions = CommonOptions<OutputFormat>
