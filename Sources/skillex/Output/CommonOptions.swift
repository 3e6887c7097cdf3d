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
/// (`--log-format`, `--log-level`, as `LogOptions`) and locking (`--wait`, `--wait-timeout`, as
/// `LockOptions`). Flat, not built from those groups: ArgumentParser reflects nested groups on
/// every parse, which cost a debug binary ~0.1 s per command.
struct CommonOptions<Format: CommandFormat>: ParsableArguments {
    @Option(help: "The hub manifest.") var manifest = "manifest.json"
    @Option(help: "Use this time (ISO 8601) instead of the system clock (else SOURCE_DATE_EPOCH).")
    var clock: String?
    @Option(help: "Output format (json when stdout is not a terminal).") var format: Format?
    @Option(help: "Log line format on stderr: text or json (default: $SKILLEX_LOG_FORMAT or text).")
    var logFormat: String?
    @Option(help: "Lowest log level shown: trace, debug, info, notice, warning, error, critical (default: $SKILLEX_LOG_LEVEL or info).")
    var logLevel: String?
    @Flag(help: "When another skillex run holds the workspace lock, wait for it instead of exiting 2.")
    var wait = false
    @Option(help: "Wait at most this many seconds for the workspace lock (implies --wait; default: $SKILLEX_LOCK_WAIT or 0).")
    var waitTimeout: Double?

    func validate() throws {
        try LogOptions.validate(logFormat: logFormat, logLevel: logLevel)
        try LockOptions.validate(waitTimeout: waitTimeout)
    }

    /// The format to print in.
    var resolvedFormat: Format { Format.resolve(format) }
    /// Seconds to wait for a lock.
    var lockSeconds: Double { LockOptions.seconds(wait: wait, waitTimeout: waitTimeout) }

    /// The workspace and its manifest; takes the workspace lock for `command` (nil: none).
    func context(
        lock command: String?, target: String? = nil, beforeLoading: ((Workspace) -> Void)? = nil
    ) throws -> CommandContext {
        try CommandContext(
            manifest: manifest, target: target, clock: clock, lock: command, wait: lockSeconds,
            beforeLoading: beforeLoading)
    }

    /// A job context: logging set up, events on the workspace's log (`eventLog`), warnings on stderr.
    func jobContext(_ context: CommandContext, eventLog: Bool = true) -> JobContext {
        let telemetry = LogOptions.telemetry(
            for: context.workspace, eventLog: eventLog, logFormat: logFormat, logLevel: logLevel)
        return JobContext(workspace: context.workspace, telemetry: telemetry, warn: { Terminal.err($0) })
    }

    /// A job context for a command that logs no events: logging set up, warnings on stderr.
    func quietJobContext(_ context: CommandContext) -> JobContext {
        LogOptions.bootstrap(runID: UUID().uuidString.lowercased(), logFormat: logFormat, logLevel: logLevel)
        return JobContext(workspace: context.workspace, warn: { Terminal.err($0) })
    }
}

/// The common options with `--format text|json`.
typealias StandardOptions = CommonOptions<OutputFormat>
