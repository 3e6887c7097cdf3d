import Foundation
import Testing
@testable import SkillEx

@Suite("Packaging stage")
struct PackagingStageTests {
    @Test func packIsReproducibleAcrossMtimesAndFolders() throws {
        let first = try PackFixture(PackFixture.sample)
        let second = try PackFixture(PackFixture.sample)
        defer { first.remove(); second.remove() }
        // Different modification times on the second copy.
        let file = second.root.appendingPathComponent("skills/alpha/one/SKILL.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1e9)], ofItemAtPath: file.path)
        let a = try first.pack(PackOptions(version: "1.0.0"))
        let b = try second.pack(PackOptions(version: "1.0.0"))
        #expect(a.pack.sha256 == b.pack.sha256)
        #expect(try first.dist("skills-pack-1.0.0.zip") == second.dist("skills-pack-1.0.0.zip"))
    }

    @Test func packHoldsSortedEntriesAndItsIndex() throws {
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        let result = try hub.pack()
        #expect(result.version == "0.1.0")
        let reader = try ZipReader(data: try hub.dist(result.pack.file), label: "pack")
        let names = reader.entries.map(\.name)
        #expect(names == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(names.first == "alpha/one-two/SKILL.md")  // '-' sorts before '/'
        let inside = try #require(try reader.contents(named: PackIndex.fileName))
        #expect(inside == (try hub.dist("skills-pack-0.1.0.json")))
        let index = try JSONDecoder().decode(PackIndex.self, from: inside)
        #expect(index.skills.map(\.path) == ["alpha/one-two", "alpha/one", "beta/two"])
        let sums = String(decoding: try hub.dist("SHA256SUMS"), as: UTF8.self)
        #expect(sums.contains("\(result.pack.sha256)  skills-pack-0.1.0.zip\n"))
        #expect(sums.contains("  index.json\n"))
    }

    @Test func nextVersionIsNextPatchAfterLatest() throws {
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        try hub.pack(PackOptions(version: "1.9.9"))
        #expect(try hub.pack().version == "1.9.10")
        let index = try DistIndex.load(hub.dist.appendingPathComponent("index.json"))
        #expect(index.latest == "1.9.10")
        #expect(index.versions.map(\.version) == ["1.9.9", "1.9.10"])
        #expect(PackVersion.problem("../x") != nil)
        #expect(throws: PackagingError.self) { try hub.pack(PackOptions(version: "a/b")) }
    }

    @Test func checksumMismatchNamesTheSkillAndLeavesNoPack() throws {
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        try Data("tampered".utf8).write(to: hub.root.appendingPathComponent("skills/beta/two/scripts/run.sh"))
        do {
            try hub.pack()
            Issue.record("packing a tampered skill succeeded")
        } catch let error as PackagingError {
            guard case .checksumMismatch(let skill, _, _, _) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(skill == "beta/two")
        }
        let left = (try? FileManager.default.contentsOfDirectory(atPath: hub.dist.path)) ?? []
        #expect(left.isEmpty, "dist/ holds \(left)")
    }

    @Test func deltaCarriesOnlyChangedAndAddedSkills() throws {
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        try hub.record(packager: "delta")
        try hub.pack(PackOptions(version: "1.0.0"))
        try hub.write("alpha/one", ["SKILL.md": "---\nname: one\n---\nChanged\n"])
        try hub.write("beta/two", nil)
        try hub.write("gamma/three", ["SKILL.md": "new\n"])
        try hub.record(packager: "delta")
        let result = try hub.pack(PackOptions(version: "1.1.0"))
        let delta = try #require(result.delta)
        #expect(delta.artifact.file == "deltas/skills-delta-1.0.0-to-1.1.0.zip")
        #expect(delta.changed == ["alpha/one"])
        #expect(delta.added == ["gamma/three"])
        #expect(delta.removed == ["beta/two"])
        let reader = try ZipReader(data: try hub.dist(delta.artifact.file), label: "delta")
        let skills = Set(reader.entries.map { $0.name.split(separator: "/").prefix(2).joined(separator: "/") })
        #expect(skills == ["alpha/one", "gamma/three", "delta.json"])
        let index = try DistIndex.load(hub.dist.appendingPathComponent("index.json"))
        #expect(index.entry("1.1.0")?.deltas.map(\.from) == ["1.0.0"])
    }

    @Test func unknownStrategyAndBaseAreInputErrors() throws {
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        #expect(throws: PackagingError.unknownStrategy(name: "zstd", known: ["delta", "full"])) {
            try hub.pack(PackOptions(strategy: "zstd"))
        }
        #expect(throws: PackagingError.self) { try hub.pack(PackOptions(strategy: "delta", since: "9.9.9")) }
    }

    @Test func aThirdStrategyPlugsIn() throws {
        struct IndexOnly: Packager {
            let name = "index-only"
            func pack(_ request: PackRequest) throws -> PackResult {
                var result = try FullPackager().pack(request)
                result.strategy = name
                return result
            }
        }
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        let registry = PackagerRegistry.standard.adding(IndexOnly())
        let result = try PackagingStage(workspace: hub.workspace, registry: registry)
            .pack(try hub.manifest(), options: PackOptions(strategy: "index-only"))
        #expect(result.strategy == "index-only")
    }

    @Test func unsafeManifestNamesAreRefused() throws {
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        var manifest = try hub.manifest()
        manifest.skills[0].sourceRepo = ".."
        #expect(throws: PackagingError.self) {
            try PackagingStage(workspace: hub.workspace).pack(manifest, options: PackOptions())
        }
    }
}
