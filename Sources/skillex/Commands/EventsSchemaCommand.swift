import ArgumentParser
import Foundation
import SkillEx

/// `skillex events schema`: prints the event JSON Schema (draft 2020-12).
struct EventsSchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) every event log line follows.",
        discussion: """
            The same text is committed as schemas/event.schema.json.

            Examples:
              skillex events schema
              skillex events schema > event.schema.json
            """)

    func run() throws {
        FileHandle.standardOutput.write(Data(EventSchema.text.utf8))
    }
}
