import Foundation
import Testing
@testable import SkillEx

/// The note of the latest pack index's checksums answers "is the latest pack current?" without
/// decoding the index, and only for the very index file it describes.
@Suite("Pack checksum note")
struct PackChecksumNoteTests {
    static func hubWithState() throws -> PackFixture {
        let hub = try PackFixture(PackFixture.sample)
        try FileManager.default.createDirectory(at: hub.workspace.stateURL, withIntermediateDirectories: true)
        return hub
    }

    static func checksums(_ hub: PackFixture, version: String) throws -> [String: String] {
        try PackIndex.decode(try hub.dist("skills-pack-\(version).json")).checksums
    }

    @Test func aNewPackLeavesANoteOfItsIndex() throws {
        let hub = try Self.hubWithState()
        defer { hub.remove() }
        try hub.pack(PackOptions(version: "1.0.0"))
        let index = hub.dist.appendingPathComponent("skills-pack-1.0.0.json")
        let noted = try #require(PackChecksumNote.digest(index: index, workspace: hub.workspace))
        #expect(noted == PackChecksumNote.digest(try Self.checksums(hub, version: "1.0.0")))
        let skills = try hub.manifest().skills
        #expect(PackCurrency.unchangedByNote(skills, in: hub.workspace) == "1.0.0")
        // The same answer the decoded index gives.
        #expect(PackCurrency.latest(dist: hub.dist)?.checksums == PackCurrency.checksums(skills))

        var changed = skills
        changed[0].checksum = String(repeating: "0", count: 64)
        #expect(PackCurrency.unchangedByNote(changed, in: hub.workspace) == nil)
        #expect(PackCurrency.unchangedByNote(Array(skills.dropLast()), in: hub.workspace) == nil)
    }

    @Test func theNoteSpeaksOnlyForTheFileItDescribes() throws {
        let hub = try Self.hubWithState()
        defer { hub.remove() }
        try hub.pack(PackOptions(version: "1.0.0"))
        let skills = try hub.manifest().skills
        let index = hub.dist.appendingPathComponent("skills-pack-1.0.0.json")

        // The index written again (same bytes, another file): the note no longer vouches.
        try AtomicFile.write(try Data(contentsOf: index), to: index)
        #expect(PackChecksumNote.digest(index: index, workspace: hub.workspace) == nil)
        #expect(PackCurrency.unchangedByNote(skills, in: hub.workspace) == nil)
        // Decoding it notes it again.
        #expect(PackCurrency.latest(in: hub.workspace)?.version == "1.0.0")
        #expect(PackCurrency.unchangedByNote(skills, in: hub.workspace) == "1.0.0")

        // The pack itself gone: no answer, as `latest` gives none.
        let pack = hub.dist.appendingPathComponent("skills-pack-1.0.0.zip")
        try FileManager.default.moveItem(at: pack, to: hub.dist.appendingPathComponent("moved.zip"))
        #expect(PackCurrency.unchangedByNote(skills, in: hub.workspace) == nil)
        #expect(PackCurrency.latest(dist: hub.dist) == nil)
    }

    @Test func aDamagedOrForeignNoteIsIgnored() throws {
        let hub = try Self.hubWithState()
        defer { hub.remove() }
        try hub.pack(PackOptions(version: "1.0.0"))
        let skills = try hub.manifest().skills
        let note = PackChecksumNote.url(hub.workspace)
        let good = try String(contentsOf: note, encoding: .utf8)
        let lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let damaged = [
            "", "garbage", lines.dropLast().joined(separator: "\n"),
            ([lines[0], "skills-pack-0.9.0.json"] + lines[2...]).joined(separator: "\n"),
            ([lines[0], lines[1], String(repeating: "a", count: 63)] + lines[3...]).joined(separator: "\n"),
            (["1 2 3 4 5"] + lines[1...]).joined(separator: "\n"),
        ]
        for text in damaged {
            try Data(text.utf8).write(to: note)
            #expect(PackCurrency.unchangedByNote(skills, in: hub.workspace) == nil, "\(text)")
        }
        try Data(good.utf8).write(to: note)
        #expect(PackCurrency.unchangedByNote(skills, in: hub.workspace) == "1.0.0")

        // A note of this very file with a digest that is not its index's (another SkillEx's
        // digest): no answer, and decoding the index writes it right.
        try Data(([lines[0], lines[1], String(repeating: "a", count: 64)] + lines[3...]).joined(separator: "\n").utf8)
            .write(to: note)
        #expect(PackCurrency.unchangedByNote(skills, in: hub.workspace) == nil)
        #expect(PackCurrency.latest(in: hub.workspace)?.version == "1.0.0")
        #expect(PackCurrency.unchangedByNote(skills, in: hub.workspace) == "1.0.0")
    }

    @Test func theDigestDependsOnEveryPairNotOnOrder() {
        let one = PackChecksumNote.digest(["a/x": "1", "b/y": "2"])
        #expect(one == PackChecksumNote.digest(["b/y": "2", "a/x": "1"]))
        #expect(one != PackChecksumNote.digest(["a/x": "1", "b/y": "3"]))
        #expect(one != PackChecksumNote.digest(["a/x": "1"]))
        #expect(PackChecksumNote.digest(["a": "b\u{0}c"]) != PackChecksumNote.digest(["a\u{0}b": "c"]))
    }
}

/// The previous pack opened ahead of packing is handed over once, and only while `dist/` is
/// unchanged.
@Suite("Pack reuse prefetch")
struct PackReusePrefetchTests {
    @Test func thePrefetchedPackIsTakenOnceWhileDistIsUnchanged() throws {
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        try hub.pack(PackOptions(version: "1.0.0"))
        let skills = try SkillSelection.collect(workspace: hub.workspace, manifest: try hub.manifest())
        PackReuse.prefetch(dist: hub.dist)
        let taken = try #require(PackReusePrefetch.take(dist: hub.dist))
        #expect(skills.allSatisfy { taken.holds($0) })
        #expect(PackReusePrefetch.take(dist: hub.dist) == nil)
    }

    @Test func aChangedDistMakesThePackerOpenThePackItself() throws {
        let hub = try PackFixture(PackFixture.sample)
        defer { hub.remove() }
        try hub.pack(PackOptions(version: "1.0.0"))
        PackReuse.prefetch(dist: hub.dist)
        PackReusePrefetch.settle(dist: hub.dist)  // read before the change below
        let index = hub.dist.appendingPathComponent(DistIndex.fileName)
        try AtomicFile.write(try Data(contentsOf: index), to: index)
        #expect(PackReusePrefetch.take(dist: hub.dist) == nil)

        // The pack file replaced after the prefetch read it: not handed over either.
        PackReuse.prefetch(dist: hub.dist)
        PackReusePrefetch.settle(dist: hub.dist)
        let pack = hub.dist.appendingPathComponent("skills-pack-1.0.0.zip")
        try AtomicFile.write(try Data(contentsOf: pack), to: pack)
        #expect(PackReusePrefetch.take(dist: hub.dist) == nil)

        // Packing after a prefetch that still holds gives the same pack as without one.
        PackReuse.prefetch(dist: hub.dist)
        try hub.write("beta/two", PackReuseTests.edited)
        try hub.record()
        let prefetched = try hub.pack(PackOptions(version: "1.0.1"))
        let fresh = try PackFixture(PackFixture.sample.merging(["beta/two": PackReuseTests.edited]) { $1 })
        defer { fresh.remove() }
        #expect(prefetched.pack.sha256 == (try fresh.pack(PackOptions(version: "1.0.1"))).pack.sha256)
    }

    @Test func runsLongerThanOneSendStepAreCopiedWhole() throws {
        // Incompressible text, stored: one copied run several send steps long.
        var generator = SystemRandomNumberGenerator()
        let big = (0..<(3 * ZipWriter.sendStep / 4 * 3)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var skills = PackFixture.sample
        skills["gamma/big"] = ["SKILL.md": "---\nname: big\n---\n", "assets/data.txt": Data(big).base64EncodedString()]
        let hub = try PackFixture(skills)
        defer { hub.remove() }
        try hub.pack(PackOptions(version: "1.0.0"))
        let selected = try SkillSelection.collect(workspace: hub.workspace, manifest: try hub.manifest())
        var trusted = selected
        for index in trusted.indices { trusted[index].trusted = true }
        let reuse = try #require(PackReuse.latest(dist: hub.dist))
        let stamp = DOSTimestamp(Date(timeIntervalSince1970: 315_532_800))
        let copied = hub.dist.appendingPathComponent("copied.zip")
        let fresh = hub.dist.appendingPathComponent("fresh.zip")
        let sent = try PackWriter.write(skills: trusted, extras: [:], to: copied, timestamp: stamp, reuse: reuse)
        let deflated = try PackWriter.write(skills: selected, extras: [:], to: fresh, timestamp: stamp, reuse: nil)
        #expect(sent.size > Int64(2 * ZipWriter.sendStep))
        #expect(sent.sha256 == deflated.sha256)
        #expect(try Data(contentsOf: copied) == Data(contentsOf: fresh))
        #expect(sent.sha256 == Digest.sha256Hex(try Data(contentsOf: copied)))
    }
}
