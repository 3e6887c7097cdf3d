import ArgumentParser
import Foundation
import SkillEx

/// `skillex events`: query the event log; `events schema` and `events anomalies` below it.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Query the telemetry event log (.skillex/events.jsonl), print its schema, find anomalies.",
        discussion: """
            Exit status: 0 ok, 2 bad flags or an unreadable log.

            Examples:
              skillex events --since 2025-01-01T00:00:00Z --type failed
              skillex events --skill data-team/sql-review --format json
              skillex events --follow
              skillex events schema > event.schema.json
              skillex events anomalies --format json
            """,
        subcommands: [EventsListCommand.self, EventsSchemaCommand.self, EventsAnomaliesCommand.self],
        defaultSubcommand: EventsListCommand.self)
}

/// The hub whose `.skillex/` holds the log; the manifest itself is not read.
struct EventLogLocation: ParsableArguments {
    @Option(help: "The hub manifest (the log is .skillex/events.jsonl beside it).")
    var manifest = "manifest.json"

    var log: EventLog {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let url = URL(fileURLWithPath: manifest, relativeTo: cwd).standardizedFileURL
        return EventLog(folder: Workspace(manifest: url).stateURL)
    }

    /// Reads the log, warning once on stderr about lines that did not parse.
    func read(_ body: (Event) throws -> Void) throws {
        var skipped: [String] = []
        do {
            try log.read(skipped: { skipped.append("\($0.path):\($1)") }, body)
        } catch let exit as ExitCode { throw exit } catch { throw ExitStatus.inputError(error) }
        if let first = skipped.first {
            Terminal.err("skillex: warning: skipped \(skipped.count) unreadable event line(s), first at \(first)")
        }
    }
}
