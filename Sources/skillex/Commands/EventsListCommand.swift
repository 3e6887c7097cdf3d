import ArgumentParser
import Foundation
import SkillEx

/// `skillex events [list]`: events filtered by time, type and skill; `--follow` tails the log.
struct EventsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print events from the log, oldest first (the default `events` action).",
        discussion: """
            Examples:
              skillex events --since 2025-01-01 --until 2025-02-01
              skillex events --type validated --type failed --format json
              skillex events --skill sql-review --follow
            """)

    @OptionGroup var location: EventLogLocation
    @Option(help: "Only events at or after this time (ISO 8601).") var since: String?
    @Option(help: "Only events before this time (ISO 8601).") var until: String?
    @Option(help: "Only events of this type (repeatable).") var type: [String] = []
    @Option(help: "Only events about this skill (name or repo/name).") var skill: String?
    @Option(help: "Output format: text or json lines (json when stdout is not a terminal).")
    var format: OutputFormat?
    @Flag(help: "Keep running and print new events as they are written.") var follow = false

    func run() throws {
        let filter = EventFilter(
            since: try time(since, "--since"), until: try time(until, "--until"),
            types: Set(type.map(EventType.init(rawValue:))), skill: skill)
        let json = OutputFormat.resolve(format) == .json
        let tail = follow ? EventTail(log: location.log) : nil
        try location.read { event in
            if filter.matches(event) { print(event, json: json) }
        }
        guard let tail else { return }
        while true {
            for event in tail.poll() where filter.matches(event) { print(event, json: json) }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    private func print(_ event: Event, json: Bool) {
        if json {
            Terminal.writeJSON(Data(((try? JSONWriter.line(event)) ?? "").utf8 + [0x0A]))
        } else {
            Terminal.out(EventTextLine.format(event))
        }
    }

    private func time(_ text: String?, _ flag: String) throws -> Date? {
        guard let text else { return nil }
        guard let date = Timestamp.parse(text) else {
            throw ExitStatus.inputError(ValidationError("\(flag): '\(text)' is not an ISO 8601 time"))
        }
        return date
    }
}
