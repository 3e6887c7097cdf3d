import Foundation
import SkillExTestSupport
import Testing

@testable import SkillEx

@Suite("Saving JSON files by copying unchanged items")
struct WrittenEntriesTests {
    @Test("the parser gives each item's byte range of the top-level array asked for, and only that one")
    func spans() throws {
        let text = #"{"a": {"skills": [9]}, "skills" : [ {"x": [1, {"y": "]"}]} ,"s\"",  3 ,[]], "z": 1}"#
        let data = Data(text.utf8)
        let parsed = try JSONValueParser.parse(data, spansOf: "skills")
        #expect(parsed.value == (try JSONValueParser.parse(data)))
        let spans = try #require(parsed.spans)
        #expect(spans.map { String(decoding: data[$0], as: UTF8.self) } == [#"{"x": [1, {"y": "]"}]}"#, #""s\"""#, "3", "[]"])
        // A field that is not an array, or is missing, gives no ranges.
        #expect(try JSONValueParser.parse(Data(#"{"skills": {"a": 1}}"#.utf8), spansOf: "skills").spans == nil)
        #expect(try JSONValueParser.parse(Data(#"{"other": [1]}"#.utf8), spansOf: "skills").spans == nil)
        #expect(try JSONValueParser.parse(Data(#"{"skills": []}"#.utf8), spansOf: "skills").spans == [])
    }

    @Test("an item equal to the one read at its place is copied from the bytes; any other is not")
    func copies() throws {
        let bytes = Data("AAAA|BB".utf8)
        let written = try #require(WrittenEntries(bytes: bytes, spans: [0..<4, 5..<7], items: ["a", "b"]))
        var out: [UInt8] = []
        #expect(written.copy(0, equalTo: "a", into: &out))
        #expect(!written.copy(1, equalTo: "c", into: &out))
        #expect(!written.copy(2, equalTo: "b", into: &out))
        #expect(written.copy(1, equalTo: "b", into: &out))
        #expect(String(decoding: out, as: UTF8.self) == "AAAABB")
        #expect(WrittenEntries(bytes: bytes, spans: [0..<4], items: ["a", "b"]) == nil)
        #expect(WrittenEntries(bytes: bytes, spans: [0..<4, 5..<9], items: ["a", "b"]) == nil)
    }

    static func manifest(skills: Int) throws -> Manifest {
        var manifest = Manifest()
        manifest.generatedAt = "2026-01-01T00:00:00Z"
        for index in 0..<skills {
            var entry = SkillEntry(
                name: "s\(index)", sourceRepo: "r", targetPath: "r/s\(index)", checksum: "c\(index)",
                packagedAt: "2026-01-01T00:00:00Z")
            entry.description = "skill \(index) \u{e9} \"q\""
            let point: JSONValue = .object(["score": .double(80.5), "at": .string("2026-01-0\(index % 9 + 1)")])
            try entry.extra.encode([point], key: "score_history")
            manifest.skills.append(entry)
        }
        return manifest
    }

    @Test("a manifest saved over SkillEx's own file has exactly the bytes of a full encode, with the unchanged entries copied")
    func manifestEntries() throws {
        let ws = try TestWorkspace("-- .skillex/keep --\n")
        defer { ws.remove() }
        let url = ws.url("manifest.json")
        try ManifestStore.save(try Self.manifest(skills: 5), to: url)
        var changed = try ManifestStore.load(url)
        changed.skills[2].checksum = "new"
        try changed.skills[4].extra.encode([JSONValue.object(["score": .int(10)])], key: "score_history")
        changed.skills.append(changed.skills[0])
        changed.skills[5].name = "s5"
        let written = try #require(ManifestRewrite.writtenEntries(path: url.path))
        #expect(try ManifestStore.encode(changed, reusing: written) == (try ManifestStore.encode(changed)))
        try ManifestStore.save(changed, to: url)
        #expect(try Data(contentsOf: url) == (try ManifestStore.encode(changed)))

        // The copy is what was read: bytes that are not the entry's encoding show through.
        let fake = try #require(
            WrittenEntries(bytes: Data("{\"fake\": 1}".utf8), spans: [0..<11], items: [changed.skills[0]]))
        let copied = String(decoding: try ManifestStore.encode(changed, reusing: fake), as: UTF8.self)
        #expect(copied.contains("    {\"fake\": 1},\n"))
        #expect(!copied.contains("\"name\": \"s0\""))
    }

    @Test("the record of a write names the SkillEx version; a record by another version is not trusted")
    func stampVersion() throws {
        let ws = try TestWorkspace("-- .skillex/keep --\n-- file.json --\n{}\n")
        defer { ws.remove() }
        let file = ws.url("file.json").path, stamp = ws.url(".skillex/file-written").path
        WriteStamp.record(file, stamp: stamp)
        #expect(WriteStamp.holds(file, stamp: stamp) != nil)
        let record = try ws.read(".skillex/file-written")
        #expect(record.hasSuffix("\nskillex \(SkillExVersion.current)\n"))
        try Data(record.replacingOccurrences(of: SkillExVersion.current, with: "0.0.1").utf8).write(to: URL(fileURLWithPath: stamp))
        #expect(WriteStamp.holds(file, stamp: stamp) == nil)
        // A file changed after the record is not the file recorded.
        WriteStamp.record(file, stamp: stamp)
        try Data("{ }\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(WriteStamp.holds(file, stamp: stamp) == nil)
    }
}
