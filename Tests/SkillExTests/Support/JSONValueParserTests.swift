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
