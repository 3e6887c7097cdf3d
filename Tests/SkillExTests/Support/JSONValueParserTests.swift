import Foundation
import Testing
@testable import SkillEx

@Suite("JSON value parser")
struct JSONValueParserTests {
    @Test("parses what Foundation's decoder parses, to the same values")
    func sameAsDecoder() throws {
        let text = #"{"a": [true, false, null, 0, -12, 3.5, 1e3, 9007199254740993], "s": "q\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00 ok", "o": {}, "l": [], "n": {"x": {"y": [1]}}}"#
        let data = Data(text.utf8)
        #expect(try JSONValueParser.parse(data) == (try JSONDecoder().decode(JSONValue.self, from: data)))
    }

    @Test("integers read from their bytes and through the general path agree; a repeated key keeps its last value")
    func numbersAndKeys() throws {
        let numbers = try JSONValueParser.parse(Data("[-0, 0, 7, 123456789012345678, 1234567890123456789, -9223372036854775808, 12.0, 1e2, -5,3]".utf8))
        #expect(numbers == .array([
            .int(0), .int(0), .int(7), .int(123_456_789_012_345_678), .int(1_234_567_890_123_456_789), .int(Int64.min),
            .int(12), .int(100), .int(-5), .int(3),
        ]))
        #expect(try JSONValueParser.parse(Data(#"{"a": 1, "b": 2, "a": 3}"#.utf8)) == .object(["a": .int(3), "b": .int(2)]))
        #expect(try JSONValueParser.parse(Data(#"{"a": 1, "a": 2, "b": 0, "a": 3, "c": {"a": 4, "a": 5}}"#.utf8))
            == .object(["a": .int(3), "b": .int(0), "c": .object(["a": .int(5)])]))
        let nested = #"{"a": {"b": {"c": 1}, "d": 2}, "e": [{"f": 3}, {"g": {"h": [4, {"i": 5}]}}], "j": {}}"#
        #expect(try JSONValueParser.parse(Data(nested.utf8)) == (try JSONDecoder().decode(JSONValue.self, from: Data(nested.utf8))))
        for bad in ["-", "[1-]", "1.2.3x", "[--1]"] {
            #expect(throws: JSONValueParser.Failure.self) { try JSONValueParser.parse(Data(bad.utf8)) }
        }
    }

    @Test("rejects malformed input with an offset")
    func malformed() {
        for bad in ["{", "[1,]", "{\"a\" 1}", "\"abc", "tru", "{} x", "[\"\\x\"]", ""] {
            #expect(throws: JSONValueParser.Failure.self) { try JSONValueParser.parse(Data(bad.utf8)) }
        }
    }
}

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("sorted keys, 2-space indent, escapes, UTF-8 kept, final newline")
    func layout() throws {
        let value: JSONValue = .object([
            "b": .array([.int(1), .double(2.5), .null, .bool(true)]), "a": .string("q\"\\\n\u{1}é/"), "e": .object([:]), "l": .array([]),
        ])
        let text = String(decoding: try JSONWriter.data(value), as: UTF8.self)
        #expect(text == "{\n  \"a\": \"q\\\"\\\\\\n\\u0001é/\",\n  \"b\": [\n    1,\n    2.5,\n    null,\n    true\n  ],\n  \"e\": {},\n  \"l\": []\n}\n")
    }
}

@Suite("JSON value parser edge cases")
struct JSONValueParserEdgeTests {
    @Test("a high surrogate followed by a non-surrogate escape never traps")
    func loneSurrogate() throws {
        let value = try JSONValueParser.parse(Data(#"["\ud800\u0041", "\ud800"]"#.utf8))
        guard case .array(let items) = value else { Issue.record("not an array"); return }
        #expect(items.count == 2)
    }
}
