import Foundation
import Testing

@testable import SkillEx

/// Skill folders checked from one listing of their parent: the same answers `access` gives.
@Suite("Folder presence")
struct FolderPresenceTests {
    @Test("folders, files, symlinks and missing names answer as access(F_OK) does")
    func sameAsAccess() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("presence-\(UUID().uuidString)")
        let repo = root.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("real"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: repo.appendingPathComponent("file"))
        try FileManager.default.createSymbolicLink(
            at: repo.appendingPathComponent("linked"), withDestinationURL: repo.appendingPathComponent("real"))
        try FileManager.default.createSymbolicLink(
            at: repo.appendingPathComponent("dangling"), withDestinationURL: repo.appendingPathComponent("gone"))
        defer { try? FileManager.default.removeItem(at: root) }
        let presence = FolderPresence()
        for name in ["real", "file", "linked", "dangling", "missing", "réal"] {
            let path = repo.appendingPathComponent(name).path
            #expect(presence.exists(path) == (access(path, F_OK) == 0), "\(name)")
        }
        #expect(presence.exists(repo.appendingPathComponent("real").path))
        #expect(!presence.exists(repo.appendingPathComponent("dangling").path))
        #expect(!presence.exists(root.appendingPathComponent("no-repo/skill").path))
        // A folder made after its parent was listed is still found (asked with access).
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("later"), withIntermediateDirectories: true)
        #expect(presence.exists(repo.appendingPathComponent("later").path))
    }
}
