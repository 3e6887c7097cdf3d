import Foundation
import Testing
@testable import SkillEx

/// A new pack copies the previous pack's entries of unchanged skills instead of deflating them
/// again, and is byte-identical to a pack deflated afresh.
@Suite("Pack reuse")
struct PackReuseTests {
    static let edited = ["SKILL.md": String(repeating: "edited text ", count: 300), "scripts/run.sh": "echo hi\n"]

    @Test func packAfterOneEditEqualsAFreshPack() throws {
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        try hub.pack(PackOptions(version: "1.0.0"))
        try hub.write("beta/two", Self.edited)
        try hub.record()
        let reused = try hub.pack(PackOptions(version: "1.0.1"))

        var skills = PackFixture.sample
        skills["beta/two"] = Self.edited
        let fresh = try PackFixture(skills)
        defer { fresh.remove() }
        let expected = try fresh.pack(PackOptions(version: "1.0.1"))
        #expect(reused.pack.sha256 == expected.pack.sha256)
        #expect(try hub.dist("skills-pack-1.0.1.zip") == fresh.dist("skills-pack-1.0.1.zip"))
    }

    @Test func entriesAreCopiedOnlyForTheSameSkillBytesAndPermissions() throws {
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        try hub.pack(PackOptions(version: "1.0.0"))
        let reuse = try #require(PackReuse.latest(dist: hub.dist))
        let skills = try SkillSelection.collect(workspace: hub.workspace, manifest: try hub.manifest())
        let two = try #require(skills.first { $0.path == "beta/two" })
        #expect(reuse.holds(two))
        var changed = two
        changed.checksum = String(repeating: "0", count: 64)
        #expect(!reuse.holds(changed))

        let script = Data("echo hi\n".utf8)
        let copied = try #require(reuse.entry(name: "beta/two/scripts/run.sh", bytes: script, permissions: 0o644))
        #expect(copied.crc32 == ZipCompressor.crc32(script) && copied.uncompressedSize == UInt64(script.count))
        #expect(reuse.entry(name: "beta/two/scripts/run.sh", bytes: Data("echo ho\n".utf8), permissions: 0o644) == nil)
        #expect(reuse.entry(name: "beta/two/scripts/run.sh", bytes: script, permissions: 0o755) == nil)
        #expect(reuse.entry(name: "beta/two/scripts/other.sh", bytes: script, permissions: 0o644) == nil)
    }

    @Test func aTrustedSkillIsCopiedWholeOnlyWhenEveryFileMatches() throws {
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        try hub.pack(PackOptions(version: "1.0.0"))
        let reuse = try #require(PackReuse.latest(dist: hub.dist))
        let skills = try SkillSelection.collect(workspace: hub.workspace, manifest: try hub.manifest())
        var two = try #require(skills.first { $0.path == "beta/two" })
        #expect(reuse.entries(of: two) == nil)  // no sync record vouches for it
        two.trusted = true
        let copied = try #require(reuse.entries(of: two))
        #expect(copied.map(\.name) == ["beta/two/SKILL.md", "beta/two/scripts/run.sh"])
        var grown = two
        grown.files[1].size += 1
        #expect(reuse.entries(of: grown) == nil)
        var executable = two
        executable.executable[1] = true
        #expect(reuse.entries(of: executable) == nil)
    }

    @Test func anUnreadablePreviousPackMeansDeflatingEverything() throws {
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        let first = try hub.pack(PackOptions(version: "1.0.0"))
        try Data("not a zip".utf8).write(to: hub.dist.appendingPathComponent(first.pack.file))
        #expect(PackReuse.latest(dist: hub.dist) == nil)
        let second = try hub.pack(PackOptions(version: "1.0.1"))

        let fresh = try PackFixture(PackFixture.sample)
        defer { fresh.remove() }
        #expect(second.pack.sha256 == (try fresh.pack(PackOptions(version: "1.0.1"))).pack.sha256)
    }

    @Test func copiedPayloadsShareThePreviousPacksBytes() throws {
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        let first = try hub.pack(PackOptions(version: "1.0.0"))
        let data = try hub.dist(first.pack.file)
        let reader = try ZipReader(data: data, label: first.pack.file)
        for entry in reader.entries {
            let view = try reader.storedPayloadView(of: entry)
            #expect(view == (try reader.storedPayload(of: entry)))
            #expect(view.startIndex > 0 && view.count == Int(entry.compressedSize))
        }
        // A pack whose entries are all such views still equals one deflated afresh.
        let skills = try SkillSelection.collect(workspace: hub.workspace, manifest: try hub.manifest())
        let reuse = try #require(PackReuse.latest(dist: hub.dist))
        var trusted = skills
        for index in trusted.indices { trusted[index].trusted = true }
        let out = hub.dist.appendingPathComponent("copied.zip")
        let fresh = hub.dist.appendingPathComponent("fresh.zip")
        let stamp = DOSTimestamp(Date(timeIntervalSince1970: 1_700_000_000))
        let copied = try PackWriter.write(skills: trusted, extras: [:], to: out, timestamp: stamp, reuse: reuse)
        let deflated = try PackWriter.write(skills: skills, extras: [:], to: fresh, timestamp: stamp, reuse: nil)
        #expect(copied.sha256 == deflated.sha256)
        #expect(try Data(contentsOf: out) == Data(contentsOf: fresh))
    }

    /// Records every skill of `hub` in sync's cache as sync would after installing it.
    static func vouch(_ hub: PackFixture) throws {
        var cache = SyncCache()
        for entry in try hub.manifest().skills {
            let files = try SkillFiles.list(hub.root.appendingPathComponent("skills/\(entry.sourceRepo)/\(entry.name)"))
            cache.skills[SyncCache.key(repo: entry.sourceRepo, skill: entry.name)] = SyncCache.Entry(
                fingerprint: "source", checksum: entry.checksum, target: SyncCache.targetFingerprint(files))
        }
        try FileManager.default.createDirectory(at: hub.workspace.stateURL, withIntermediateDirectories: true)
        try cache.save(SyncCache.url(hub.workspace))
    }

    @Test func skillsSyncRecordedAreListedFromItsRecordUntilTheirFoldersChange() throws {
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        let walked = try SkillSelection.collect(workspace: hub.workspace, manifest: try hub.manifest())
        #expect(walked.allSatisfy { !$0.trusted })
        var cache = SyncCache()
        for entry in try hub.manifest().skills {
            let walk = try SkillFiles.listWithFolders(hub.root.appendingPathComponent("skills/\(entry.sourceRepo)/\(entry.name)"))
            cache.skills[SyncCache.key(repo: entry.sourceRepo, skill: entry.name)] = SyncCache.Entry(
                fingerprint: "source", checksum: entry.checksum, target: SyncCache.targetFingerprint(walk.files),
                copy: SyncListing.copyLines(files: walk.files, folders: walk.folders))
        }
        try FileManager.default.createDirectory(at: hub.workspace.stateURL, withIntermediateDirectories: true)
        try cache.save(SyncCache.url(hub.workspace))
        let listed = try SkillSelection.collect(workspace: hub.workspace, manifest: try hub.manifest())
        #expect(listed.map(\.files) == walked.map(\.files))
        #expect(listed.map(\.executable) == walked.map(\.executable))
        #expect(listed.allSatisfy { $0.trusted })

        // A file added since sync changes its folder: the copy is walked, and the pack refused.
        try Data("added".utf8).write(to: hub.root.appendingPathComponent("skills/beta/two/scripts/added.sh"))
        let relisted = try SkillSelection.collect(workspace: hub.workspace, manifest: try hub.manifest())
        let two = try #require(relisted.first { $0.path == "beta/two" })
        #expect(!two.trusted)
        #expect(two.files.map(\.relativePath) == ["SKILL.md", "scripts/added.sh", "scripts/run.sh"])
        #expect(relisted.filter { $0.path != "beta/two" }.allSatisfy { $0.trusted })
        #expect(throws: PackagingError.self) { try hub.pack(PackOptions(version: "1.0.0")) }
    }

    @Test func skillsThePreviousPackHoldsAreListedFromItsNamesWhenSyncVouchesForThem() throws {
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        try Self.vouch(hub)
        let first = try hub.pack(PackOptions(version: "1.0.0"))
        let reuse = try #require(PackReuse.latest(dist: hub.dist))
        let walked = try SkillSelection.collect(workspace: hub.workspace, manifest: try hub.manifest())
        let listed = try SkillSelection.collect(workspace: hub.workspace, manifest: try hub.manifest(), reuse: reuse)
        #expect(listed.map(\.files) == walked.map(\.files))
        #expect(listed.map(\.executable) == walked.map(\.executable))
        #expect(listed.allSatisfy { $0.trusted })
        let checksum = try #require(listed.first { $0.path == "beta/two" }).checksum
        #expect(reuse.files(of: "beta/two", checksum: checksum) == ["SKILL.md", "scripts/run.sh"])
        #expect(reuse.files(of: "beta/two", checksum: "other") == nil)

        // A file added to an installed copy after sync is not one the checksum names: not packed.
        try Data("added".utf8).write(to: hub.root.appendingPathComponent("skills/beta/two/added.txt"))
        let second = try hub.pack(PackOptions(version: "1.0.1"))
        #expect(second.files == first.files)

        // A file changed since sync is noticed: the folder is walked, read and found changed.
        try Data("echo changed\n".utf8).write(to: hub.root.appendingPathComponent("skills/beta/two/scripts/run.sh"))
        let relisted = try SkillSelection.collect(
            workspace: hub.workspace, manifest: try hub.manifest(), reuse: PackReuse.latest(dist: hub.dist))
        let two = try #require(relisted.first { $0.path == "beta/two" })
        #expect(!two.trusted)
        #expect(two.files.map(\.relativePath) == ["SKILL.md", "added.txt", "scripts/run.sh"])
        #expect(throws: PackagingError.self) { try hub.pack(PackOptions(version: "1.0.2")) }
        // A file removed since sync: walked too.
        try FileManager.default.removeItem(at: hub.root.appendingPathComponent("skills/beta/two/scripts/run.sh"))
        let removed = try SkillSelection.collect(
            workspace: hub.workspace, manifest: try hub.manifest(), reuse: PackReuse.latest(dist: hub.dist))
        #expect(removed.first { $0.path == "beta/two" }?.files.map(\.relativePath) == ["SKILL.md", "added.txt"])
    }
}
