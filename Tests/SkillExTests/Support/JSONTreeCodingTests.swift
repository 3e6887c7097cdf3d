import Foundation
@testable import SkillEx
import Testing

@Suite("JSON tree coding")
struct JSONTreeCodingTests {
    struct Sample: Codable, Equatable {
        enum Kind: String, Codable { case one, two }
        var text: String
        var flag: Bool
        var count: Int
        var big: Int64
        var ratio: Double
        var whole: Double
        var optional: String?
        var kind: Kind
        var list: [Double]
        var map: [String: [Int]]
        var nested: [Sample]?
        var tree: JSONValue
        var date: Date
        var bytes: Data
        var link: URL
        var small: UInt8
        var single: Float
    }

    static func sample() -> Sample {
        let inner = Sample(
            text: "inner \"quoted\"\n", flag: false, count: -3, big: Int64.max, ratio: 0.1, whole: 95, optional: "x",
            kind: .two, list: [], map: [:], nested: nil, tree: .null, date: Date(timeIntervalSince1970: 1.5),
            bytes: Data(), link: URL(fileURLWithPath: "/tmp/a b"), small: 0, single: 0.1)
        return Sample(
            text: "café ✓", flag: true, count: 42, big: -7, ratio: 85.25, whole: -0.0, optional: nil, kind: .one,
            list: [1, 2.5, 1e20, -1e-7], map: ["b": [1, 2], "a": []], nested: [inner],
            tree: .object(["k": .array([.int(1), .double(2.5), .string("s"), .bool(true), .null])]),
            date: Date(timeIntervalSince1970: 1_700_000_000.25), bytes: Data([0, 1, 2, 255]),
            link: URL(fileURLWithPath: "/srv/x y"), small: 255, single: 3.25)
    }

    @Test("UInt64 reads from the tree up to Int64.max; above it, and negative numbers, read as JSONDecoder reads them")
    func unsignedSixtyFour() throws {
        struct Counts: Codable, Equatable { var device: UInt64; var bits: [UInt64] }
        let values: [UInt64] = [0, 1, 4_607_182_418_800_017_408, UInt64(Int64.max), UInt64(Int64.max) + 1, UInt64.max]
        let value = Counts(device: 66_305, bits: values)
        let data = try JSONEncoder().encode(value)
        #expect(try JSONTreeDecoder.decode(Counts.self, from: data) == value)
        #expect(try JSONTreeDecoder.decode(Counts.self, from: data) == JSONDecoder().decode(Counts.self, from: data))
        let tree = try JSONTreeDecoder.tree(Data(#"{"device": 7, "bits": [1, 2]}"#.utf8))
        #expect(JSONTreeDecoder.value(Counts.self, tree: tree) == Counts(device: 7, bits: [1, 2]))
        #expect(JSONTreeDecoder.value(Counts.self, tree: .object(["device": .int(-1), "bits": .array([])])) == nil)
        #expect(throws: (any Error).self) { try JSONTreeDecoder.decode(Counts.self, from: Data(#"{"device": -1, "bits": []}"#.utf8)) }
    }

    @Test("encoding writes the bytes JSONEncoder's text would give")
    func encodesLikeJSONEncoder() throws {
        let value = Self.sample()
        let viaText = JSONWriter.data(tree: try JSONValueParser.parse(JSONEncoder().encode(value)))
        #expect(try JSONWriter.data(value) == viaText)
    }

    @Test("non-finite numbers are refused, as JSONEncoder refuses them")
    func refusesNonFinite() {
        #expect(throws: EncodingError.self) { try JSONWriter.data([Double.nan]) }
        #expect(throws: EncodingError.self) { try JSONWriter.data(["x": Double.infinity]) }
    }

    @Test("decoding gives what JSONDecoder gives")
    func decodesLikeJSONDecoder() throws {
        let data = try JSONEncoder().encode(Self.sample())
        let expected = try JSONDecoder().decode(Sample.self, from: data)
        #expect(try JSONTreeDecoder.decode(Sample.self, from: data) == expected)
    }

    @Test(
        "bad input fails with JSONDecoder's own error",
        arguments: [
            #"{"a": "1"}"#, #"{"a": 1.5}"#, #"{"b": 1}"#, #"{"a": null}"#, #"[1]"#, #"{"a": 1"#, #"{"a": true}"#,
        ])
    func failsLikeJSONDecoder(_ text: String) {
        struct Small: Codable { var a: Int }
        let data = Data(text.utf8)
        var expected = ""
        do { _ = try JSONDecoder().decode(Small.self, from: data) } catch { expected = "\(error)" }
        var actual = ""
        do { _ = try JSONTreeDecoder.decode(Small.self, from: data) } catch { actual = "\(error)" }
        #expect(!expected.isEmpty)
        #expect(actual == expected)
    }
}
