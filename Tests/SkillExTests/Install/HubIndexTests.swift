import Foundation
import Testing
@testable import SkillEx

@Suite("Hub discovery index as install reads it")
struct HubIndexTests {
    private let digest = "sha256:" + String(repeating: "0", count: 64)

    private func index(_ skills: String, schema: String = HubIndex.schema) -> Data {
        Data(#"{"$schema": "\#(schema)", "skills": [\#(skills)]}"#.utf8)
    }

    private func refusal(_ data: Data) -> String? {
        do { _ = try HubIndex.parse(data, location: "hub") } catch { return error.description }
        return nil
    }

    @Test func aValidIndexParsesSortedByName() throws {
        let parsed = try HubIndex.parse(index("""
            {"name": "b", "type": "skill-md", "description": "", "url": "b/SKILL.md", "digest": "\(digest)"},
            {"name": "a", "type": "archive", "description": "d", "url": "a.zip", "digest": "\(digest)"}
            """), location: "hub")
        #expect(parsed.entries.map(\.name) == ["a", "b"])
    }

    @Test(arguments: ["../evil", "a/b", "Upper", "-x", "a--b", ""])
    func badNamesRefuseTheWholeIndex(name: String) {
        let text = #"{"name": "\#(name)", "type": "archive", "url": "x.zip", "digest": "\#(digest)"}"#
        #expect(refusal(index(text))?.contains("refusing the index") == true)
    }

    @Test func unknownSchemaTypesAndDigestsAreRefused() {
        #expect(refusal(index("", schema: "https://example.com/other.json"))?.contains("unknown $schema") == true)
        let badType = #"{"name": "a", "type": "exe", "url": "a", "digest": "\#(digest)"}"#
        #expect(refusal(index(badType))?.contains("unknown type") == true)
        let badDigest = #"{"name": "a", "type": "archive", "url": "a", "digest": "md5:00"}"#
        #expect(refusal(index(badDigest))?.contains("digest") == true)
    }

    @Test func artifactURLsMayNotLeaveTheIndexFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-hub-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{}".utf8).write(to: folder.appendingPathComponent("index.json"))
        let source = try HubSource(location: folder.appendingPathComponent("index.json").path, base: folder)
        #expect(try source.resolve("a.zip").lastPathComponent == "a.zip")
        for bad in ["../a.zip", "a/../../b", "/etc/passwd", "file:///etc/passwd", "https://elsewhere/x.zip"] {
            #expect(throws: InstallError.self) { try source.resolve(bad) }
        }
    }
}
