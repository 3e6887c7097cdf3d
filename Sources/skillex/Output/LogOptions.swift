import ArgumentParser
import Foundation
import Logging
import SkillEx

/// `--log-format` and `--log-level`: structured logs on stderr, text on a terminal or JSON lines.
struct LogOptions: ParsableArguments {
    @Option(help: "Log line format on stderr: text or json (default: $SKILLEX_LOG_FORMAT or text).")
    var logFormat: String?
    @Option(help: "Lowest log level shown: trace, debug, info, notice, warning, error, critical (default: $SKILLEX_LOG_LEVEL or info).")
    var logLevel: String?

    func validate() throws { try Self.validate(logFormat: logFormat, logLevel: logLevel) }

    /// Rejects an unknown `--log-format` or `--log-level`.
    static func validate(logFormat: String?, logLevel: String?) throws {
        if let logFormat, StructuredLogHandler.Format(rawValue: logFormat) == nil {
            throw ValidationError("--log-format: '\(logFormat)' is not text or json")
        }
        if let logLevel, Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level: '\(logLevel)' is not a log level")
        }
    }

    /// Installs the handler for the process once; every line carries `run_id`.
    func bootstrap(runID: String) { Self.bootstrap(runID: runID, logFormat: logFormat, logLevel: logLevel) }

    /// Installs the handler for these flag values.
    static func bootstrap(runID: String, logFormat: String?, logLevel: String?) {
        let environment = ProcessInfo.processInfo.environment
        let format =
            (logFormat ?? environment["SKILLEX_LOG_FORMAT"]).flatMap(StructuredLogHandler.Format.init) ?? .text
        let level = (logLevel ?? environment["SKILLEX_LOG_LEVEL"]).flatMap { Logger.Level(rawValue: $0) } ?? .info
        let color = Terminal.isInteractive(2) && environment["NO_COLOR"] == nil
        LoggingSystem.bootstrap { label in
            // Lines go through StatusLine, so a progress line is erased before each and redrawn
            // after; the handler has already escaped what the line carries.
            var handler = StructuredLogHandler(
                label: label, format: format, level: level, color: color,
                write: { StatusLine.shared.printLine($0) })
            handler[metadataKey: "run_id"] = .string(runID)
            return handler
        }
    }

    /// A bus for one command: logging bootstrapped with its run id, default handlers attached
    /// (the event log only when `eventLog`, so dry runs leave no trace).
    func telemetry(for workspace: Workspace, eventLog: Bool = true) -> Telemetry {
        Self.telemetry(for: workspace, eventLog: eventLog, logFormat: logFormat, logLevel: logLevel)
    }

    /// `telemetry(for:eventLog:)` for these flag values.
    static func telemetry(for workspace: Workspace, eventLog: Bool, logFormat: String?, logLevel: String?) -> Telemetry {
        let telemetry = Telemetry(clock: workspace.clock, report: { Terminal.err($0) })
        bootstrap(runID: telemetry.runID, logFormat: logFormat, logLevel: logLevel)
        telemetry.attachDefault(workspace: workspace, eventLog: eventLog)
        return telemetry
    }
}
