import Foundation
import Testing
@testable import SkillEx

@Suite("Pull")
struct PullerTests {
    private func tree(_ root: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root.path) else { return out }
        for case let path as String in walker {
            var isFolder: ObjCBool = false
            let url = root.appendingPathComponent(path)
            if fm.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                out[path] = try Data(contentsOf: url)
            }
        }
        return out
    }

    private func twoVersions() throws -> PackFixture {
        let hub = try PackFixture(PackFixture.sample)
        try hub.record(packager: "delta")
        try hub.pack(PackOptions(version: "1.0.0"))
        try hub.write("alpha/one", ["SKILL.md": "---\nname: one\n---\nChanged\n"])
        try hub.record(packager: "delta")
        try hub.pack(PackOptions(version: "1.1.0"))
        return hub
    }

    @Test func emptyFolderGetsFullPackThenDeltaOnly() async throws {
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        try hub.record(packager: "delta")
        try hub.pack(PackOptions(version: "1.0.0"))
        let target = hub.root.appendingPathComponent("consumer")
        let source = FolderPackSource(root: hub.dist)
        let first = try await Puller(source: source).pull(into: target)
        #expect(first.route == "full" && first.to == "1.0.0" && first.from == nil)
        try hub.write("alpha/one", ["SKILL.md": "---\nname: one\n---\nChanged\n"])
        try hub.record(packager: "delta")
        try hub.pack(PackOptions(version: "1.1.0"))
        let second = try await Puller(source: source).pull(into: target)
        #expect(second.route == "delta")
        #expect(second.files.map(\.file) == ["index.json", "deltas/skills-delta-1.0.0-to-1.1.0.zip"])
        var expected = try tree(hub.root.appendingPathComponent("skills"))
        expected[PackIndex.fileName] = try hub.dist("skills-pack-1.1.0.json")
        #expect(try tree(target) == expected)
        #expect(try await Puller(source: source).pull(into: target).status == .upToDate)
    }

    @Test func executableBitSurvivesPackAndPull() async throws {
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        let script = hub.root.appendingPathComponent("skills/beta/two/scripts/run.sh")
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
        let result = try hub.pack()
        let reader = try ZipReader(data: try hub.dist(result.pack.file), label: "pack")
        let modes = Dictionary(uniqueKeysWithValues: reader.entries.map { ($0.name, $0.unixMode) })
        #expect(modes["beta/two/scripts/run.sh"] == 0o100755)
        #expect(modes["beta/two/SKILL.md"] == 0o100644)
        let target = hub.root.appendingPathComponent("consumer")
        _ = try await Puller(source: FolderPackSource(root: hub.dist)).pull(into: target)
        let pulled = try FileManager.default.attributesOfItem(
            atPath: target.appendingPathComponent("beta/two/scripts/run.sh").path)
        #expect((pulled[.posixPermissions] as? Int) == 0o755)
    }

    @Test func tamperedDeltaIsRefusedAndTargetUnchanged() async throws {
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        try hub.record(packager: "delta")
        try hub.pack(PackOptions(version: "1.0.0"))
        let target = hub.root.appendingPathComponent("consumer")
        let source = FolderPackSource(root: hub.dist)
        _ = try await Puller(source: source).pull(into: target)
        let before = try tree(target)
        try hub.write("alpha/one", ["SKILL.md": "---\nname: one\n---\nChanged\n"])
        try hub.record(packager: "delta")
        try hub.pack(PackOptions(version: "1.1.0"))
        let deltaURL = hub.dist.appendingPathComponent("deltas/skills-delta-1.0.0-to-1.1.0.zip")
        var bytes = try Data(contentsOf: deltaURL)
        bytes[40] ^= 0xFF
        try bytes.write(to: deltaURL)
        await #expect(throws: PullError.self) { try await Puller(source: source).pull(into: target) }
        #expect(try tree(target) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: hub.root.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func nonPackFolderIsNotReplaced() async throws {
        let hub = try twoVersions()
        defer { hub.remove() }
        let target = hub.root.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: target.appendingPathComponent("notes.txt"))
        await #expect(throws: PullError.self) { try await Puller(source: FolderPackSource(root: hub.dist)).pull(into: target) }
        #expect(try tree(target) == ["notes.txt": Data("keep".utf8)])
    }

    @Test func planPrefersFullPackWhenDeltasCostMore() {
        func artifact(_ size: Int64) -> DistIndex.Artifact { .init(file: "p", size: size, sha256: "") }
        var index = DistIndex()
        index.upsert(.init(version: "1.0.0", createdAt: "", pack: artifact(100), index: artifact(1), skills: 1, deltas: []))
        index.upsert(
            .init(
                version: "1.1.0", createdAt: "", pack: artifact(100), index: artifact(1), skills: 1,
                deltas: [.init(from: "1.0.0", file: "d1", size: 60, sha256: "")]))
        index.upsert(
            .init(
                version: "1.2.0", createdAt: "", pack: artifact(100), index: artifact(1), skills: 1,
                deltas: [.init(from: "1.1.0", file: "d2", size: 30, sha256: "")]))
        #expect(PullPlan.make(index: index, current: "1.1.0")?.bytes == 30)
        #expect(PullPlan.make(index: index, current: "1.0.0")?.steps.count == 2)  // 60 + 30 < 100
        index.versions[1].deltas[0].size = 80  // 80 + 30 > 100: the full pack wins
        #expect(PullPlan.make(index: index, current: "1.0.0")?.steps == [.full(version: "1.2.0", pack: artifact(100))])
        #expect(PullPlan.make(index: index, current: nil)?.bytes == 100)
        #expect(PullPlan.make(index: index, current: "1.2.0") == nil)
    }

    @Test func chainsDeltasAndFallsBackToThePublishedIndex() async throws {
        var generator = SeededGenerator(seed: 7)
        var skills: [String: [String: String]] = [:]
        for index in 0..<5 {
            let noise = (0..<4000).map { _ in String(UInt8.random(in: 0...255, using: &generator), radix: 16) }
            skills["repo/skill-\(index)"] = ["SKILL.md": noise.joined(separator: " ")]
        }
        let hub = try PackFixture(skills)
        defer { hub.remove() }
        try hub.record(packager: "delta")
        try hub.pack(PackOptions(version: "1.0.0"))
        let target = hub.root.appendingPathComponent("consumer")
        let source = FolderPackSource(root: hub.dist)
        _ = try await Puller(source: source).pull(into: target)
        for (version, skill) in [("1.1.0", "repo/skill-1"), ("1.2.0", "repo/skill-3")] {
            try hub.write(skill, ["SKILL.md": "changed for \(version)\n"])
            try hub.record(packager: "delta")
            try hub.pack(PackOptions(version: version))
        }
        // The held index no longer describes the folder exactly: the rebuilt index will not match
        // index.json, so the puller fetches the published one.
        let heldURL = target.appendingPathComponent(PackIndex.fileName)
        var held = try JSONDecoder().decode(PackIndex.self, from: Data(contentsOf: heldURL))
        held.skills[0].bytes += 1
        try JSONWriter.data(held).write(to: heldURL)
        let result = try await Puller(source: source).pull(into: target)
        #expect(result.route == "delta")
        #expect(
            result.files.map(\.file) == [
                "index.json", "deltas/skills-delta-1.0.0-to-1.1.0.zip", "skills-pack-1.1.0.json",
                "deltas/skills-delta-1.1.0-to-1.2.0.zip",
            ])
        #expect(try Data(contentsOf: heldURL) == hub.dist("skills-pack-1.2.0.json"))
    }
}
