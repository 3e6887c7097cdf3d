import Foundation
import SkillExTestSupport
import Testing

@testable import SkillEx

/// Sync's kept listing of a skill's source folder (`SyncListing`): trusted while every folder
/// keeps its identity, never when anything it lists or allows changed.
@Suite("Sync listing")
struct SyncListingTests {
    static let skill = """
        -- SKILL.md --
        ---
        name: pdf
        description: Fills PDF forms. Use when a form needs filling.
        ---
        # PDF
        -- references/forms.md --
        forms
        -- scripts/lib/fill.py --
        print("fill")
        """

    /// Sets every folder under (and including) `root` to a time an hour ago, as an old checkout has.
    static func settle(_ root: URL) throws {
        let old = Date(timeIntervalSinceNow: -3600)
        let folders = [root] + (FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.hasDirectoryPath } ?? [])
        for folder in folders.reversed() {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder.path)
        }
    }

    /// The listing of `root` as sync keeps it (nil when none would be kept).
    static func listing(_ root: URL, limits: SkillLimits = .standard) throws -> [String]? {
        try SyncListing.walk(root, limits: limits).listing
    }

    @Test("settled folders give a listing whose files are the walk's, file for file")
    func sameAsWalk() throws {
        let ws = try TestWorkspace(Self.skill)
        defer { ws.remove() }
        try Self.settle(ws.root)
        let lines = try #require(try Self.listing(ws.root))
        #expect(lines.filter { $0.hasPrefix("d") }.count == 4)  // the skill, references, scripts, scripts/lib
        #expect(lines.filter { $0.hasPrefix("f") } == ["fSKILL.md", "freferences/forms.md", "fscripts/lib/fill.py"])
        let files = try #require(SyncListing.files(lines, in: ws.root, limits: .standard))
        #expect(files == (try SkillFiles.list(ws.root)))
    }

    @Test("folders changed just now are not trusted: no listing is kept")
    func recentFoldersKeepNothing() throws {
        let ws = try TestWorkspace(Self.skill)
        defer { ws.remove() }
        #expect(try Self.listing(ws.root) == nil)
        try Self.settle(ws.root)
        try Data("x".utf8).write(to: ws.url("references/new.md"))  // references/ changes now
        #expect(try Self.listing(ws.root) == nil)
    }

    @Test("a file added, removed or renamed, or a file turned into a folder, makes the listing fail")
    func entryChanges() throws {
        let changes: [(String, (TestWorkspace) throws -> Void)] = [
            ("added", { try Data("x".utf8).write(to: $0.url("scripts/lib/extra.py")) }),
            ("removed", { try FileManager.default.removeItem(at: $0.url("references/forms.md")) }),
            ("renamed", { try FileManager.default.moveItem(at: $0.url("references/forms.md"), to: $0.url("references/Forms.md")) }),
            ("folder", {
                try FileManager.default.removeItem(at: $0.url("references/forms.md"))
                try FileManager.default.createDirectory(at: $0.url("references/forms.md"), withIntermediateDirectories: false)
            }),
            ("new folder", { try FileManager.default.createDirectory(at: $0.url("assets"), withIntermediateDirectories: false) }),
        ]
        for (name, change) in changes {
            let ws = try TestWorkspace(Self.skill)
            defer { ws.remove() }
            try Self.settle(ws.root)
            let lines = try #require(try Self.listing(ws.root))
            try change(ws)
            #expect(SyncListing.files(lines, in: ws.root, limits: .standard) == nil, "\(name)")
        }
    }

    @Test("a file edited in place keeps the listing, and its new size and time show in the fingerprint")
    func editedInPlace() throws {
        let ws = try TestWorkspace(Self.skill)
        defer { ws.remove() }
        try Self.settle(ws.root)
        let lines = try #require(try Self.listing(ws.root))
        let before = SyncCache.fingerprint(source: ws.root, files: try #require(SyncListing.files(lines, in: ws.root, limits: .standard)))
        let handle = try FileHandle(forWritingTo: ws.url("references/forms.md"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(" and more".utf8))
        try handle.close()
        let files = try #require(SyncListing.files(lines, in: ws.root, limits: .standard))
        #expect(files == (try SkillFiles.list(ws.root)))
        #expect(SyncCache.fingerprint(source: ws.root, files: files) != before)
    }

    @Test("limits the skill now breaks make the listing fail, so the walk reports them")
    func limits() throws {
        let ws = try TestWorkspace(Self.skill)
        defer { ws.remove() }
        try Self.settle(ws.root)
        let lines = try #require(try Self.listing(ws.root))
        var fewer = SkillLimits.standard
        fewer.maxFiles = 2
        var smaller = SkillLimits.standard
        smaller.maxFileBytes = 8
        var shallower = SkillLimits.standard
        shallower.maxDepth = 1
        for limits in [fewer, smaller, shallower] {
            #expect(SyncListing.files(lines, in: ws.root, limits: limits) == nil)
        }
        #expect(SyncListing.files(lines, in: ws.root, limits: .standard) != nil)
    }

    @Test("a skill with a symlink keeps no listing; damaged lines are refused, never trusted")
    func symlinksAndDamage() throws {
        let ws = try TestWorkspace(Self.skill)
        defer { ws.remove() }
        try FileManager.default.createSymbolicLink(atPath: ws.url("references/link.md").path, withDestinationPath: "forms.md")
        try Self.settle(ws.root)
        #expect(try SkillFiles.listWithFolders(ws.root).folders == nil)
        #expect(try Self.listing(ws.root) == nil)
        try FileManager.default.removeItem(at: ws.url("references/link.md"))
        try Self.settle(ws.root)
        let lines = try #require(try Self.listing(ws.root))
        for damaged in [["x"], [""], ["d1 2 "], ["dx y z "], ["d1 2 3 nowhere"], ["fmissing.md"], ["f../../etc/hostname"], ["f/etc/hostname"]] {
            #expect(SyncListing.files(lines + damaged, in: ws.root, limits: .standard) == nil, "\(damaged)")
        }
    }

    @Test("sync keeps listings of settled skills, skips on them, and still copies a skill whose folder or file changed")
    func syncUsesListings() throws {
        let ws = try TestWorkspace(SyncerTests.hub)
        defer { ws.remove() }
        let source = ws.url("repos/acme/.claude/skills/pdf")
        func sync() throws -> SyncResult {
            let workspace = ws.workspace()
            let manifest = try ManifestStore.load(workspace.manifestURL)
            let (result, updated) = try Syncer(workspace: workspace).sync(manifest)
            try ManifestStore.save(updated, to: workspace.manifestURL)
            return result
        }
        func listing() -> [String]? {
            SyncCache.load(SyncCache.url(ws.workspace())).skills["acme/pdf"]?.listing
        }
        _ = try sync()
        #expect(listing() == nil)  // folders made just now
        try Self.settle(source)
        #expect(try sync().summary.skipped == 1)
        #expect(listing() != nil)
        #expect(try sync().summary.skipped == 1)

        try Data("new".utf8).write(to: source.appendingPathComponent("scripts/extra.py"))
        let added = try sync()
        #expect(added.summary.copied == 1)
        #expect(ws.exists("skills/acme/pdf/scripts/extra.py"))

        try Self.settle(source)
        _ = try sync()
        #expect(listing() != nil)
        let handle = try FileHandle(forWritingTo: source.appendingPathComponent("scripts/fill.py"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("print('more')\n".utf8))
        try handle.close()
        #expect(try sync().summary.copied == 1)
        #expect(try String(contentsOf: ws.url("skills/acme/pdf/scripts/fill.py"), encoding: .utf8).hasSuffix("print('more')\n"))
    }

    /// Sync's record of `root` as a copy it made there: the listing of its folders and files and
    /// the files' fingerprint.
    static func copyEntry(_ root: URL) throws -> SyncCache.Entry {
        let walked = try SkillFiles.listWithFolders(root)
        return SyncCache.Entry(
            fingerprint: "source", checksum: "c", target: SyncCache.targetFingerprint(walked.files),
            copy: SyncListing.copyLines(files: walked.files, folders: walked.folders))
    }

    @Test("a copy's listing is kept however recent its folders, and still holds after the rename into skills/")
    func copyListingSurvivesTheInstall() throws {
        let ws = try TestWorkspace(Self.skill)
        defer { ws.remove() }
        let staged = ws.url("staging/pdf")
        try FileManager.default.createDirectory(at: staged.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: ws.url("skills"), withIntermediateDirectories: true)
        for name in ["SKILL.md", "references", "scripts"] {
            try FileManager.default.createDirectory(at: staged, withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: ws.url(name), to: staged.appendingPathComponent(name))
        }
        #expect(try Self.listing(staged) == nil)  // a source this fresh keeps no listing
        let entry = try Self.copyEntry(staged)
        let lines = try #require(entry.copy).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("d") }.count == 4)
        let installed = ws.url("skills/pdf")
        try FileManager.default.moveItem(at: staged, to: installed)
        let files = try #require(entry.installedFiles(in: installed))
        #expect(files == (try SkillFiles.list(installed)))
        #expect(files.map(\.path) == (try SkillFiles.list(installed)).map(\.path))
    }

    @Test("a copy changed after sync (a file added, removed, renamed or edited, a folder added) is walked again")
    func copyChanges() throws {
        let changes: [(String, (TestWorkspace) throws -> Void)] = [
            ("added", { try Data("x".utf8).write(to: $0.url("scripts/lib/extra.py")) }),
            ("added at the top", { try Data("x".utf8).write(to: $0.url("extra.md")) }),
            ("removed", { try FileManager.default.removeItem(at: $0.url("references/forms.md")) }),
            ("renamed", { try FileManager.default.moveItem(at: $0.url("references/forms.md"), to: $0.url("references/Forms.md")) }),
            ("edited", { try Data("other text".utf8).write(to: $0.url("references/forms.md")) }),
            ("new folder", { try FileManager.default.createDirectory(at: $0.url("assets"), withIntermediateDirectories: false) }),
            ("folder swapped", {
                try FileManager.default.moveItem(at: $0.url("scripts/lib"), to: $0.url("lib-old"))
                try FileManager.default.createDirectory(at: $0.url("scripts/lib"), withIntermediateDirectories: false)
                try FileManager.default.copyItem(at: $0.url("lib-old/fill.py"), to: $0.url("scripts/lib/fill.py"))
                try FileManager.default.removeItem(at: $0.url("lib-old"))
            }),
        ]
        for (name, change) in changes {
            let ws = try TestWorkspace(Self.skill)
            defer { ws.remove() }
            let entry = try Self.copyEntry(ws.root)
            #expect(entry.installedFiles(in: ws.root) != nil, "\(name)")
            try change(ws)
            #expect(entry.installedFiles(in: ws.root) == nil, "\(name)")
        }
    }

    @Test("a copy with no listing, a symlink or damaged lines is never listed from the record")
    func copyRecordRefused() throws {
        let ws = try TestWorkspace(Self.skill)
        defer { ws.remove() }
        var entry = try Self.copyEntry(ws.root)
        let lines = try #require(entry.copy)
        for damaged in ["x", "d1 2 ", "fmissing.md", "d1 2 3 nowhere", "", "f../outside.md", "f/etc/hostname", "f", "freferences/../SKILL.md"] {
            entry.copy = lines + "\n" + damaged
            #expect(entry.installedFiles(in: ws.root) == nil, "\(damaged)")
        }
        entry.copy = nil
        #expect(entry.installedFiles(in: ws.root) == nil)
        entry.copy = lines
        entry.target = nil
        #expect(entry.installedFiles(in: ws.root) == nil)
        try FileManager.default.createSymbolicLink(atPath: ws.url("references/link.md").path, withDestinationPath: "forms.md")
        #expect(try Self.copyEntry(ws.root).copy == nil)
    }
}
