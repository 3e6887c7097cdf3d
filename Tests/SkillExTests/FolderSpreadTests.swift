import Foundation
import Testing

@testable import SkillEx

@Suite("Folders marked as tops of directory hierarchies")
struct FolderSpreadTests {
    private func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-spread-\(UUID().uuidString)").path
        try Folders.make(path)
        return path
    }

    @Test("a mark reports what the folder carries afterwards, and a second mark changes nothing")
    func markIsReported() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(!FolderSpread.isMarked(root))
        let marked = FolderSpread.mark(root)
        #expect(FolderSpread.isMarked(root) == marked)
        #expect(FolderSpread.mark(root) == marked)
        // The flag belongs to the folder alone: a folder made inside it carries none.
        try Folders.make(root + "/inner")
        #expect(!FolderSpread.isMarked(root + "/inner"))
    }

    @Test("a missing folder or a file is refused")
    func nonFoldersAreRefused() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(!FolderSpread.mark(root + "/missing"))
        #expect(FileManager.default.createFile(atPath: root + "/file", contents: Data("x".utf8)))
        #expect(!FolderSpread.mark(root + "/file"))
        #expect(!FolderSpread.isMarked(root + "/file"))
        // A symlink is not followed: the folder it names stays as it is.
        try Folders.make(root + "/target")
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/target")
        #expect(!FolderSpread.mark(root + "/link"))
        #expect(!FolderSpread.isMarked(root + "/target"))
    }

    @Test("Folders.make spreading marks each folder it makes and leaves existing ones alone")
    func makeSpreading() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Folders.make(root + "/probe")
        let supported = FolderSpread.mark(root + "/probe")
        try Folders.make(root + "/staging/acme", spreading: true)
        #expect(FolderSpread.isMarked(root + "/staging") == supported)
        #expect(FolderSpread.isMarked(root + "/staging/acme") == supported)
        #expect(!FolderSpread.isMarked(root))
        // Made again: nothing changes, and no error.
        try Folders.make(root + "/staging/acme", spreading: true)
        try Folders.make(root + "/staging/acme/pdf")
        #expect(!FolderSpread.isMarked(root + "/staging/acme/pdf"))
    }
}
