import Foundation
import Testing
@testable import SkillEx

@Suite struct EventSchemaTests {
    @Test func committedSchemaMatchesTheSwiftTypes() throws {
        let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../schemas/event.schema.json").standardizedFileURL
        let text = try String(contentsOf: committed, encoding: .utf8)
        #expect(text == EventSchema.text, "regenerate with: skillex events schema > schemas/event.schema.json")
    }

    @Test func schemaListsEveryKnownTypeAndEncodedKey() throws {
        guard case .object(let root) = EventSchema.document, case .object(let properties)? = root["properties"],
            case .object(let type)? = properties["type"], case .array(let names)? = type["enum"]
        else { Issue.record("schema shape"); return }
        #expect(names.count == EventType.known.count)
        let event = Event(
            type: .failed, repo: "r", skill: "s", measurements: ["duration_ms": 1], metadata: ["k": "v"],
            error: EventError(reason: "x", message: "y"), time: "2025-01-01T00:00:00.000Z", runID: "run")
        let encoded = try JSONDecoder().decode([String: JSONValue].self, from: Data(JSONWriter.line(event).utf8))
        #expect(Set(encoded.keys).isSubset(of: Set(properties.keys)))
        #expect(Set(encoded.keys) == Set(properties.keys))
    }

    @Test func encodedEventsParseBackUnchanged() throws {
        let event = Event(
            type: .scored, repo: "data-team", skill: "sql \"review\"\n\u{1F600}", measurements: ["score": 82.5, "n": -3],
            metadata: ["note": "tab\there \\ slash/"], time: "2025-01-01T00:00:00.123Z", runID: "abc")
        let line = try JSONWriter.line(event)
        #expect(EventLineParser.parse(line) == event)
        let failed = Event(type: .failed, error: EventError(reason: "r", message: "m"), time: "t", runID: "x")
        #expect(EventLineParser.parse(try JSONWriter.line(failed)) == failed)
    }

    @Test func fastWriterAgreesWithJSONEncoder() throws {
        let events = [
            Event(type: .scored, repo: "r", skill: "a\"b\\c\n\u{01}é😀", measurements: ["score": 82.25, "z": 1e-5, "big": 3e20, "n": -4],
                  metadata: ["b": "x", "a": "tab\t"], time: "2025-01-01T00:00:00.000Z", runID: "run"),
            Event(type: .failed, error: EventError(reason: "r", message: "m \"q\""), time: "t", runID: "x"),
        ]
        for event in events {
            let fast = EventLineWriter.line(event)
            let reference = try JSONWriter.line(event)
            let decode = { (text: String) in try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }
            #expect(try decode(fast) == decode(reference))
            #expect(EventLineParser.parse(fast) == event)
            #expect(!fast.contains("\n") || event.skill?.contains("\n") == true)
        }
    }

    @Test func parserRejectsTornAndForeignLines() throws {
        let line = try JSONWriter.line(Event(type: .started, time: "2025-01-01T00:00:00.000Z", runID: "r"))
        #expect(EventLineParser.parse(String(line.dropLast(7))) == nil)
        #expect(EventLineParser.parse("not json") == nil)
        #expect(EventLineParser.parse("{\"type\":\"started\"}") == nil)
        #expect(EventLineParser.parse(line + " x") == nil)
        let extra = "{\"future\":[1,{\"a\":null},true],\"type\":\"x\",\"time\":\"t\",\"scope\":\"run\"}"
        #expect(EventLineParser.parse(extra)?.type.rawValue == "x")
        #expect(EventLineParser.parse("{\"type\":\"x\",\"time\":\"t\",\"scope\":\"elsewhere\"}") == nil)
    }
}
