import Foundation

/// The JSON Schema (draft 2020-12) of `Event`, built from the Swift description of the type so
/// the committed `schemas/event.schema.json` and `skillex events schema` cannot drift from it.
public enum EventSchema {
    /// The schema's `$id`.
    public static let id = "https://skillex.dev/schemas/event.schema.json"

    /// The schema as stable, pretty JSON text (what is committed and printed).
    public static var text: String {
        let data = (try? JSONWriter.data(document)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The schema as a JSON tree.
    public static var document: JSONValue {
        .object([
            "$schema": .string("https://json-schema.org/draft/2020-12/schema"),
            "$id": .string(id),
            "title": .string("SkillEx.Event"),
            "description": .string(
                "One line of .skillex/events.jsonl. Adding a field or a type is additive; "
                    + "removing or retyping a field bumps schema_version."),
            "type": .string("object"),
            "additionalProperties": .bool(false),
            "required": .array(required.map { .string($0) }),
            "properties": .object(properties),
        ])
    }

    private static let required = [
        "schema_version", "id", "type", "scope", "time", "run_id", "measurements", "metadata",
    ]

    private static var properties: [String: JSONValue] {
        [
            "schema_version": .object([
                "description": .string("Version of this shape."),
                "const": .int(Int64(Event.currentSchemaVersion)),
            ]),
            "id": string("Unique event id (UUID).", pattern: uuid),
            "type": .object([
                "description": .string("What happened."),
                "enum": .array(EventType.known.map { .string($0.rawValue) }),
            ]),
            "scope": .object([
                "description": .string("Whether the event concerns a whole run or one skill."),
                "enum": .array(EventScope.allCases.map { .string($0.rawValue) }),
            ]),
            "time": string(
                "When, RFC 3339 in UTC with milliseconds.",
                pattern: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$"#),
            "run_id": string("The command invocation that emitted the event (UUID).", pattern: uuid),
            "repo": string("Source repository, for skill events.", minLength: 1),
            "skill": string("Skill name, for skill events.", minLength: 1),
            "measurements": .object([
                "description": .string("Numbers: duration_ms, bytes, counts, score, coverage."),
                "type": .string("object"),
                "additionalProperties": .object(["type": .string("number")]),
            ]),
            "metadata": .object([
                "description": .string("Strings: command, status, anomaly fields; never secrets."),
                "type": .string("object"),
                "additionalProperties": .object(["type": .string("string")]),
            ]),
            "error": .object([
                "description": .string("Why it failed, on failed events."),
                "type": .string("object"),
                "additionalProperties": .bool(false),
                "required": .array([.string("reason"), .string("message")]),
                "properties": .object([
                    "reason": string("Machine-readable code, e.g. invalid_skill.", minLength: 1),
                    "message": string("One-line explanation."),
                ]),
            ]),
        ]
    }

    private static let uuid = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"

    private static func string(_ description: String, pattern: String? = nil, minLength: Int? = nil)
        -> JSONValue
    {
        var fields: [String: JSONValue] = [
            "description": .string(description), "type": .string("string"),
        ]
        if let pattern { fields["pattern"] = .string(pattern) }
        if let minLength { fields["minLength"] = .int(Int64(minLength)) }
        return .object(fields)
    }
}
