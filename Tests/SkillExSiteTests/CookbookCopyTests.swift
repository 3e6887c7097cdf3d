import Foundation
import SkillEx
import Testing

@testable import SkillExSite

@Suite("Cookbook copy")
struct CookbookCopyTests {
    @Test("climb counts the levels a relative path goes above its start")
    func climb() {
        #expect(CookbookCopy.climb(path: "repos/a") == 0)
        #expect(CookbookCopy.climb(path: "../a") == 1)
        #expect(CookbookCopy.climb(path: "../../a/b") == 2)
        #expect(CookbookCopy.climb(path: "a/../../b") == 1)
        #expect(CookbookCopy.climb(path: "./../x/../../y") == 2)
        let manifest = JSONValue.object([
            "repositories": .array([.object(["path": .string("../team")]), .object(["path": .string("/abs/x")])]),
            "storage": .object(["url": .string("../../published")]),
            "note": .string("..not a path? still climbs 0"),
        ])
        #expect(CookbookCopy.climb(manifest) == 2)
        #expect(CookbookCopy.repositoryPaths(manifest) == ["../team"])
    }

    @Test("the copy mirrors the hub's parent so ../ repositories resolve, and paths print relative")
    func siblingLayout() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-copytest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let hub = base.appendingPathComponent("work/hub"), repo = base.appendingPathComponent("work/team")
        try FileManager.default.createDirectory(at: hub.appendingPathComponent("skills/x"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("skills/a"), withIntermediateDirectories: true)
        try Data("---\nname: a\n---\n".utf8).write(to: repo.appendingPathComponent("skills/a/SKILL.md"))
        try Data(#"{"repositories": [{"name": "team", "path": "../team"}, {"name": "gone", "path": "../gone"}]}"#.utf8)
            .write(to: hub.appendingPathComponent("manifest.json"))

        let copy = try CookbookCopy.make(of: hub)
        defer { copy.remove() }
        #expect(copy.climb == 1)
        #expect(copy.hub.lastPathComponent == "hub")
        #expect(copy.hub.deletingLastPathComponent().path == copy.root.path)
        #expect(FileManager.default.fileExists(atPath: copy.hub.appendingPathComponent("manifest.json").path))
        #expect(!FileManager.default.fileExists(atPath: copy.hub.appendingPathComponent("skills").path))
        let sibling = copy.hub.appendingPathComponent("../team/skills/a/SKILL.md").standardizedFileURL
        #expect(FileManager.default.fileExists(atPath: sibling.path))
        #expect(!FileManager.default.fileExists(atPath: copy.root.appendingPathComponent("gone").path))
        #expect(copy.relativize("\(copy.root.path)/team/skills/a: ok; \(copy.hub.path)/skills/a") == "../team/skills/a: ok; skills/a")

        // Writing in the copy leaves the real repository alone; removing it removes everything.
        try Data("changed".utf8).write(to: sibling)
        #expect(try String(contentsOf: repo.appendingPathComponent("skills/a/SKILL.md"), encoding: .utf8) == "---\nname: a\n---\n")
        copy.remove()
        #expect(!FileManager.default.fileExists(atPath: copy.root.path))
    }

    @Test("a hub whose manifest stays inside it is copied as before, at the top of the temp folder")
    func noClimb() throws {
        let hub = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-copytest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: hub) }
        try FileManager.default.createDirectory(at: hub.appendingPathComponent("repos/a"), withIntermediateDirectories: true)
        try Data(#"{"repositories": [{"name": "a", "path": "repos/a"}]}"#.utf8).write(to: hub.appendingPathComponent("manifest.json"))
        let copy = try CookbookCopy.make(of: hub)
        defer { copy.remove() }
        #expect(copy.climb == 0 && copy.hub == copy.root)
        #expect(FileManager.default.fileExists(atPath: copy.hub.appendingPathComponent("repos/a").path))
        #expect(copy.relativize("\(copy.hub.path)/repos/a and \(copy.hub.path)") == "repos/a and .")
    }
}
