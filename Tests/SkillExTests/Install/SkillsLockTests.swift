import Foundation
import Testing
@testable import SkillEx

@Suite("skills-lock.json")
struct SkillsLockTests {
    private func temp() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("skillex-lock-\(UUID().uuidString)/skills-lock.json")
    }

    @Test func roundTripsWithSortedKeysAndTheSkillsCLIFieldNames() throws {
        var lock = SkillsLock()
        lock.skills["sql-review"] = .init(
            source: "https://hub.example", sourceType: "well-known", sourceUrl: "https://hub.example/x.zip",
            digest: "sha256:" + String(repeating: "a", count: 64), computedHash: String(repeating: "b", count: 64),
            agents: ["claude-code"], scope: "project")
        let url = temp()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try lock.write(to: url)
        #expect(try SkillsLock.load(url) == lock)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("\"computedHash\": \"bbbb"))
        #expect(text.contains("\"version\": 1"))
    }

    @Test func aMissingLockIsNilAndABadOneAnError() throws {
        let url = temp()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        #expect(try SkillsLock.load(url) == nil)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"{"version": 1, "skills": {"../evil": {}}}"#.utf8).write(to: url)
        #expect(throws: InstallError.self) { try SkillsLock.load(url) }
        try Data(#"{"version": 2, "skills": {}}"#.utf8).write(to: url)
        #expect(throws: InstallError.self) { try SkillsLock.load(url) }
    }

    @Test func theTreeHashSeesContentNamesAndExecuteBits() {
        let base = InstalledTree.hash([("SKILL.md", false, Data("a".utf8)), ("run.sh", true, Data("b".utf8))])
        #expect(base == InstalledTree.hash([("run.sh", true, Data("b".utf8)), ("SKILL.md", false, Data("a".utf8))]))
        #expect(base != InstalledTree.hash([("SKILL.md", false, Data("a".utf8)), ("run.sh", false, Data("b".utf8))]))
        #expect(base != InstalledTree.hash([("SKILL.md", false, Data("A".utf8)), ("run.sh", true, Data("b".utf8))]))
    }
}
