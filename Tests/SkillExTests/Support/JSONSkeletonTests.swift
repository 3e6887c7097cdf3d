import Foundation
import Testing

@testable import SkillEx

/// `JSONValueParser.skeleton` and `item` together read exactly what `parse(_:spansOf:)` reads,
/// and never accept a document it refuses.
@Suite("JSON skeleton and items")
struct JSONSkeletonTests {
    static let documents = [
        #"{"skills": [{"a": 1}, {"b": "x]}\"{["}, [1, [2, {"c": null}]], "s", 12, -3.5e2, true, null], "n": 2}"#,
        #"{"n": {"skills": [1]}, "skills": []}"#,
        "{\n  \"skills\" : [\n    {\"a\": \"\\\\\"} ,\n    {\"b\": \"\\u00e9\\\"\"}\n  ]\n}\n",
        #"{"skills": [{"a": 1}], "skills": [{"b": 2}, {"c": 3}]}"#,
        #"{"skills": 5}"#,
        #"{"other": [1, 2]}"#,
        #"[{"skills": [1]}]"#,
    ]

    @Test("the same values and item ranges as a whole parse")
    func sameAsWholeParse() throws {
        for text in Self.documents {
            let data = Data(text.utf8)
            let whole = try JSONValueParser.parse(data, spansOf: "skills")
            let skeleton = try JSONValueParser.skeleton(data, skippingItemsOf: "skills")
            #expect(skeleton.spans == whole.spans, "\(text)")
            guard case .object(var fields) = whole.value, case .array(let items)? = fields["skills"] else {
                #expect(skeleton.value == whole.value, "\(text)")
                continue
            }
            fields["skills"] = .array([])
            #expect(skeleton.value == .object(fields), "\(text)")
            let read = try (skeleton.spans ?? []).map { try JSONValueParser.item(data, range: $0, depth: 2) }
            #expect(read == items, "\(text)")
        }
    }

    @Test("a document the whole parse refuses is refused in one of the two steps")
    func refusesWhatTheWholeParseRefuses() throws {
        let damaged = [
            #"{"skills": [{"a": 1} {"b": 2}]}"#, #"{"skills": [{"a": [1}]]}"#, #"{"skills": [{"a": "x}]}"#,
            #"{"skills": [{"a": 1},]}"#, #"{"skills": [{"a": 01x}]}"#, #"{"skills": [{"a": tru}]}"#,
            #"{"skills": [{"a": 1}]"#, #"{"skills": [{"a": 1}]} x"#, #"{"skills": ["\q"]}"#, #"{"skills": [{]}"#,
            #"{"skills": [{"a": 1]]}"#, #"{"skills": [}"#, #"{"skills": [1 2]}"#,
        ]
        for text in damaged {
            let data = Data(text.utf8)
            #expect(throws: (any Error).self, "\(text)") { try JSONValueParser.parse(data, spansOf: "skills") }
            let split = Result { () throws -> [JSONValue] in
                let skeleton = try JSONValueParser.skeleton(data, skippingItemsOf: "skills")
                return try (skeleton.spans ?? []).map { try JSONValueParser.item(data, range: $0, depth: 2) }
            }
            if case .success = split { Issue.record("accepted: \(text)") }
        }
    }

    @Test("an item is held to the depth limit it has in the whole document")
    func depth() throws {
        // Items sit at depth 2 and the parser stops at 512: an item 510 levels deep fits, 511 do not.
        func document(_ levels: Int) -> Data {
            Data(("{\"skills\": [" + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "]}").utf8)
        }
        let fits = document(510)
        #expect((try? JSONValueParser.parse(fits, spansOf: "skills")) != nil)
        let fitting = try JSONValueParser.skeleton(fits, skippingItemsOf: "skills")
        #expect((try? JSONValueParser.item(fits, range: try #require(fitting.spans?.first), depth: 2)) != nil)

        let deep = document(511)
        #expect((try? JSONValueParser.parse(deep, spansOf: "skills")) == nil)
        let skeleton = try JSONValueParser.skeleton(deep, skippingItemsOf: "skills")
        #expect((try? JSONValueParser.item(deep, range: try #require(skeleton.spans?.first), depth: 2)) == nil)
        #expect((try? JSONValueParser.item(deep, range: 0..<(deep.count + 1), depth: 0)) == nil)
    }

    @Test("split items: each made from its own parse, in order; nil when one cannot be made or there is no such array")
    func splitItems() {
        let data = Data(#"{"n": 1, "skills": [{"v": 1}, {"v": 2}, {"v": 3}]}"#.utf8)
        let number = { @Sendable (tree: JSONValue) -> Int? in
            guard case .object(let fields) = tree, case .int(let value)? = fields["v"] else { return nil }
            return Int(value)
        }
        let split = JSONValueParser.splitItems(data, key: "skills", number)
        #expect(split?.items == [1, 2, 3])
        #expect(split?.head == .object(["n": .int(1), "skills": .array([])]))
        #expect(split?.spans.count == 3)
        #expect(JSONValueParser.splitItems(Data(#"{"skills": [{"v": 1}, {"w": 2}]}"#.utf8), key: "skills", number) == nil)
        #expect(JSONValueParser.splitItems(Data(#"{"skills": 3}"#.utf8), key: "skills", number) == nil)
        #expect(JSONValueParser.splitItems(Data(#"{"skills": [{"v": 1}, {"v": }]}"#.utf8), key: "skills", number) == nil)
    }
}
