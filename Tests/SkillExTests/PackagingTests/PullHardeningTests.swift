import Foundation
import Testing
@testable import SkillEx

/// Hostile pulls (SkillEx issue #15): each is refused, and the target is byte-for-byte and
/// mode-for-mode what it was before.
@Suite("Pull hardening")
struct PullHardeningTests {
    /// Every file and folder under `root` with its bytes and permission bits.
    private func snapshot(_ root: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root.path) else { return out }
        for case let path as String in walker {
            let url = root.appendingPathComponent(path)
            let attributes = try fm.attributesOfItem(atPath: url.path)
            let mode = (attributes[.posixPermissions] as? Int).map { String($0, radix: 8) } ?? "?"
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                out[path] = "dir \(mode)"
            } else {
                out[path] = "\(mode) " + Digest.sha256Hex(try Data(contentsOf: url))
            }
        }
        return out
    }

    /// A hub with `skills` packed as 1.0.0 (delta packager) and pulled into `consumer`.
    private func pulled(_ skills: [String: [String: String]]) async throws -> (PackFixture, URL) {
        let hub = try PackFixture(skills)
        try hub.record(packager: "delta")
        try hub.pack(PackOptions(version: "1.0.0"))
        let target = hub.root.appendingPathComponent("consumer")
        _ = try await Puller(source: FolderPackSource(root: hub.dist)).pull(into: target)
        return (hub, target)
    }

    /// Adds `version` to the hub's index.json: a full pack `pack` (declared as `packSize`
    /// bytes when given) and, optionally, a delta from 1.0.0.
    private func publish(
        _ hub: PackFixture, version: String, pack: Data, packIndex: Data, delta: Data? = nil, packSize: Int64? = nil
    ) throws {
        let url = hub.dist.appendingPathComponent(DistIndex.fileName)
        var index = try DistIndex.load(url)
        let packFile = "skills-pack-\(version).zip", indexFile = "skills-pack-\(version).json"
        try pack.write(to: hub.dist.appendingPathComponent(packFile))
        try packIndex.write(to: hub.dist.appendingPathComponent(indexFile))
        var deltas: [DistIndex.Delta] = []
        if let delta {
            let file = "deltas/evil-1.0.0-to-\(version).zip"
            try FileManager.default.createDirectory(
                at: hub.dist.appendingPathComponent("deltas"), withIntermediateDirectories: true)
            try delta.write(to: hub.dist.appendingPathComponent(file))
            deltas.append(.init(from: "1.0.0", file: file, size: Int64(delta.count), sha256: Digest.sha256Hex(delta)))
        }
        index.upsert(
            .init(
                version: version, createdAt: "2025-01-01T00:00:00Z",
                pack: .init(file: packFile, size: packSize ?? Int64(pack.count), sha256: Digest.sha256Hex(pack)),
                index: .init(file: indexFile, size: Int64(packIndex.count), sha256: Digest.sha256Hex(packIndex)),
                skills: 1, deltas: deltas))
        index.latest = version
        try JSONWriter.data(index).write(to: url)
    }

    /// A full pack of one skill `repo/s` whose index declares `files` (name → text) as given,
    /// plus `extra` entries; returns the pack and its index.
    private func fullPack(
        _ files: [String: String], modes: [String: UInt32] = [:], declaredExecutable: Set<String> = [],
        extra: [RawZip.Entry] = [], version: String = "1.1.0"
    ) throws -> (pack: Data, index: Data) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-skill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let checksum = try SkillChecksum.compute(folder: folder)
        let declared = files.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { path in
            PackIndex.File(
                path: path, size: Int64(files[path]?.utf8.count ?? 0),
                executable: declaredExecutable.contains(path) ? true : nil)
        }
        let skill = PackIndex.Skill(
            repo: "repo", skill: "s", checksum: checksum, bytes: declared.reduce(0) { $0 + $1.size }, files: declared)
        let index = try JSONWriter.data(PackIndex(version: version, createdAt: "2025-01-01T00:00:00Z", skills: [skill]))
        var entries = [RawZip.Entry(name: PackIndex.fileName, data: index)]
        for path in declared.map(\.path) {
            entries.append(.init(name: "repo/s/" + path, data: Data((files[path] ?? "").utf8), mode: modes[path] ?? 0o100644))
        }
        return (RawZip.build(entries + extra), index)
    }

    /// Pulls and expects a refusal whose line contains `expected`; the target must not change.
    private func expectRefused(_ hub: PackFixture, _ target: URL, _ expected: String) async throws {
        let before = try snapshot(target)
        do {
            let result = try await Puller(source: FolderPackSource(root: hub.dist)).pull(into: target)
            Issue.record("pull was not refused: \(result.status) \(result.to)")
        } catch {
            #expect(ErrorText.brief(error).contains(expected), "\(error)")
        }
        #expect(try snapshot(target) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: hub.root.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    // MARK: - 7: a refused pull changes nothing, even through hard links

    @Test func deltaNamingAHeldSkillInAnotherNormalisationWritesNothing() async throws {
        let nfd = "repo/cafe\u{301}", nfc = "repo/caf\u{E9}"
        let (hub, target) = try await pulled([nfd: ["SKILL.md": "---\nname: cafe\n---\nheld\n"], "alpha/one": ["SKILL.md": "one\n"]])
        defer { hub.remove() }
        let held = try #require(try PackIndexFile.read(in: target))
        var checksums = held.checksums
        checksums[nfd] = nil
        checksums[nfc] = String(repeating: "0", count: 64)
        let manifest = DeltaManifest(
            from: "1.0.0", to: "1.1.0", added: [], changed: [nfc], removed: [], checksums: checksums)
        let delta = RawZip.build([
            .init(name: DeltaManifest.fileName, data: try JSONEncoder().encode(manifest)),
            .init(name: nfd + "/SKILL.md", data: Data("written through a hard link\n".utf8)),
        ])
        let (pack, index) = try fullPack(["SKILL.md": "x\n"])
        try publish(hub, version: "1.1.0", pack: pack, packIndex: index, delta: delta, packSize: 1 << 40)
        try await expectRefused(hub, target, "Unicode normalisation")
    }

    @Test func extractionNeverOpensAnExistingFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-link-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("live/a"), withIntermediateDirectories: true)
        let live = root.appendingPathComponent("live/a/f.md")
        try Data("live\n".utf8).write(to: live)
        try TreeLinker.link(root.appendingPathComponent("live"), to: root.appendingPathComponent("staging"))
        let reader = try ZipReader(data: RawZip.build([.init(name: "a/f.md", data: Data("new\n".utf8))]), label: "z")
        #expect(throws: PullError.badArchive(file: "z", reason: "entry a/f.md would overwrite an existing file")) {
            try TreeExtractor.extract(reader, into: root.appendingPathComponent("staging"), file: "z")
        }
        #expect(try Data(contentsOf: live) == Data("live\n".utf8))
    }

    // MARK: - 10: only what the pack index declares

    @Test func fileOutsideEverySkillIsRefused() async throws {
        let (hub, target) = try await pulled(PackFixture.sample)
        defer { hub.remove() }
        let (pack, index) = try fullPack(
            ["SKILL.md": "s\n"], extra: [.init(name: "evil.sh", data: Data("rm -rf ~\n".utf8), mode: 0o100755)])
        try publish(hub, version: "1.1.0", pack: pack, packIndex: index)
        try await expectRefused(hub, target, "entry evil.sh is not a file of any skill")
    }

    @Test func undeclaredExecuteBitIsRefusedAndDeclaredOneKept() async throws {
        let (hub, target) = try await pulled(PackFixture.sample)
        defer { hub.remove() }
        let (pack, index) = try fullPack(["SKILL.md": "s\n"], modes: ["SKILL.md": 0o100755])
        try publish(hub, version: "1.1.0", pack: pack, packIndex: index)
        try await expectRefused(hub, target, "execute bit")
        let (good, goodIndex) = try fullPack(
            ["SKILL.md": "s\n", "run.sh": "echo\n"], modes: ["run.sh": 0o100755], declaredExecutable: ["run.sh"],
            version: "1.2.0")
        try publish(hub, version: "1.2.0", pack: good, packIndex: goodIndex)
        let result = try await Puller(source: FolderPackSource(root: hub.dist)).pull(into: target)
        #expect(result.to == "1.2.0")
        let mode = try FileManager.default.attributesOfItem(atPath: target.appendingPathComponent("repo/s/run.sh").path)
        #expect(mode[.posixPermissions] as? Int == 0o755)
    }

    @Test func deltaWithAnUndeclaredExecuteBitIsRefused() async throws {
        let (hub, target) = try await pulled(PackFixture.sample)
        defer { hub.remove() }
        try hub.write("alpha/one", ["SKILL.md": "---\nname: one\n---\nChanged\n"])
        try hub.record(packager: "delta")
        try hub.pack(PackOptions(version: "1.1.0"))
        let deltaURL = hub.dist.appendingPathComponent("deltas/skills-delta-1.0.0-to-1.1.0.zip")
        let genuine = try ZipReader(data: Data(contentsOf: deltaURL), label: "delta")
        let entries = try genuine.entries.map { entry in
            RawZip.Entry(
                name: entry.name, data: try genuine.contents(of: entry),
                mode: entry.name == "alpha/one/SKILL.md" ? 0o100755 : 0o100644)
        }
        let evil = RawZip.build(entries)
        try evil.write(to: deltaURL)
        let indexURL = hub.dist.appendingPathComponent(DistIndex.fileName)
        var index = try DistIndex.load(indexURL)
        index.versions = index.versions.map { version in
            var version = version
            version.deltas = version.deltas.map {
                .init(from: $0.from, file: $0.file, size: Int64(evil.count), sha256: Digest.sha256Hex(evil))
            }
            return version
        }
        try JSONWriter.data(index).write(to: indexURL)
        try await expectRefused(hub, target, "execute bits")
    }

    @Test func bidiNamesAreRefusedAndShownEscaped() async throws {
        let (hub, target) = try await pulled(PackFixture.sample)
        defer { hub.remove() }
        let (pack, index) = try fullPack(
            ["SKILL.md": "s\n"], extra: [.init(name: "invoice\u{202E}dm.exe", data: Data("x".utf8))])
        try publish(hub, version: "1.1.0", pack: pack, packIndex: index)
        try await expectRefused(hub, target, "invoice\\u{202E}dm.exe: unsafe archive entry: bidirectional control U+202E")
    }

    @Test func tooManyEntriesAreRefusedBeforeTheDirectoryIsRead() async throws {
        let (hub, target) = try await pulled(PackFixture.sample)
        defer { hub.remove() }
        let (pack, index) = try fullPack(
            ["SKILL.md": "s\n"], extra: (0..<20).map { .init(name: "repo/s/f\($0)", data: Data()) })
        try publish(hub, version: "1.1.0", pack: pack, packIndex: index)
        let before = try snapshot(target)
        let limits = ArchiveLimits(maxEntryBytes: 1 << 20, maxTotalBytes: 1 << 30, maxEntries: 10)
        await #expect(throws: PullError.badArchive(
            file: "skills-pack-1.1.0.zip",
            reason: "(archive): unsafe archive entry: holds 22 entries, over the limit of 10 (--max-entries)")) {
            try await Puller(source: FolderPackSource(root: hub.dist), limits: limits).pull(into: target)
        }
        #expect(try snapshot(target) == before)
    }

    // MARK: - unclear errors

    @Test func latestWithoutAnEntryIsAnErrorNamingIndexJSON() async throws {
        let (hub, target) = try await pulled(PackFixture.sample)
        defer { hub.remove() }
        let url = hub.dist.appendingPathComponent(DistIndex.fileName)
        var index = try DistIndex.load(url)
        index.latest = "9.9.9"
        try JSONWriter.data(index).write(to: url)
        try await expectRefused(hub, target, "index.json: latest is 9.9.9, but no version entry is")
        // An empty folder too (it used to be reported as up to date).
        let empty = hub.root.appendingPathComponent("empty")
        await #expect(throws: PullError.self) { try await Puller(source: FolderPackSource(root: hub.dist)).pull(into: empty) }
    }

    @Test func sizeMismatchIsReportedAsOne() async throws {
        let (hub, target) = try await pulled(PackFixture.sample)
        defer { hub.remove() }
        let (pack, index) = try fullPack(["SKILL.md": "s\n"])
        try publish(hub, version: "1.1.0", pack: pack, packIndex: index, packSize: Int64(pack.count) + 1)
        try await expectRefused(
            hub, target, "skills-pack-1.1.0.zip: size mismatch (index.json \(pack.count + 1) bytes, got \(pack.count))")
    }
}

@Suite("Archive limits: entries and ratio")
struct ArchiveRatioLimitsTests {
    private func entry(_ name: String, size: UInt64) -> ZipEntryInfo {
        ZipEntryInfo(
            name: name, method: 8, flags: 0, crc32: 0, compressedSize: size / 1000, uncompressedSize: size,
            localHeaderOffset: 0, unixMode: 0o100644)
    }

    @Test func ratioIsBoundedAboveTheAllowance() throws {
        let limits = ArchiveLimits.standard
        // 1 GiB from 1 MB: 16 entries of 64 MiB, each under the per-entry bound.
        let bomb = (0..<16).map { entry("a/\($0)", size: 64 << 20) }
        #expect(throws: ZipError.self) { try limits.check(bomb, archiveBytes: 1_000_000) }
        #expect(throws: Never.self) { try limits.check(bomb, archiveBytes: 20_000_000) }
        // Small archives are never refused for their ratio alone.
        #expect(throws: Never.self) { try limits.check([entry("a/x", size: 16 << 20)], archiveBytes: 1) }
        #expect(throws: Never.self) { try limits.check(bomb) }
    }

    @Test func countIsBounded() {
        let limits = ArchiveLimits(maxEntryBytes: 10, maxTotalBytes: 100, maxEntries: 2)
        #expect(throws: Never.self) { try limits.check([entry("a", size: 1), entry("b", size: 1)]) }
        #expect(throws: ZipError.self) { try limits.check([entry("a", size: 1), entry("b", size: 1), entry("c", size: 1)]) }
    }

    @Test func manifestLimitsSetTheBounds() throws {
        var manifest = Manifest()
        #expect(try ArchiveLimits.of(manifest) == .standard)
        try manifest.extra.encode(
            ["max_file_bytes": 5, "max_archive_entries": 6, "max_archive_bytes": 7, "max_archive_ratio": 8, "max_files": 9],
            key: "limits")
        #expect(try ArchiveLimits.of(manifest) == ArchiveLimits(maxEntryBytes: 5, maxTotalBytes: 7, maxEntries: 6, maxRatio: 8))
        try manifest.extra.encode(["max_archive_ratio": 0], key: "limits")
        #expect(throws: ManifestLimitsError.self) { try ArchiveLimits.of(manifest) }
    }

    @Test func bidiAndControlNamesAreRefused() {
        for name in ["a/invoice\u{202E}dm.exe", "a/\u{2066}x", "a/x\u{200F}", "a/\u{061C}"] {
            #expect(throws: ZipError.self) { try ArchiveSafety.checkName(name) }
        }
        #expect(throws: Never.self) { try ArchiveSafety.checkName("a/caf\u{E9}\u{200B}.md") }
    }
}
