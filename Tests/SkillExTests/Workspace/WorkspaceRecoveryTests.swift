import Foundation
import Testing
@testable import SkillEx

@Suite("Recovery after a killed run")
struct WorkspaceRecoveryTests {
    private func root() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-recover-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("temp files and staging folders go; files that only look alike stay")
    func sweeps() throws {
        let workspace = Workspace(root: try root())
        let fm = FileManager.default
        let temp = workspace.distURL.appendingPathComponent(".skills-pack-0.1.0.zip.tmp-\(UUID().uuidString)")
        let manifestTemp = workspace.root.appendingPathComponent(".manifest.json.tmp-\(UUID().uuidString)")
        let staging = workspace.skillsURL.appendingPathComponent(".staging-\(UUID().uuidString)/acme/pdf")
        let kept = workspace.distURL.appendingPathComponent(".notes.tmp-draft")
        let pack = workspace.distURL.appendingPathComponent("skills-pack-0.1.0.zip")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        for url in [temp, manifestTemp, kept, pack] { try AtomicFile.write(Data("x".utf8), to: url) }
        let touched = WorkspaceRecovery.recover(workspace)
        #expect(!fm.fileExists(atPath: temp.path))
        #expect(!fm.fileExists(atPath: manifestTemp.path))
        #expect(!fm.fileExists(atPath: staging.deletingLastPathComponent().deletingLastPathComponent().path))
        #expect(fm.fileExists(atPath: kept.path))
        #expect(fm.fileExists(atPath: pack.path))
        #expect(touched.count == 3)
        #expect(WorkspaceRecovery.recover(workspace).isEmpty)
    }

    @Test("temp files are swept at every depth of .skillex/, without following symlinked folders")
    func sweepsStateFolders() throws {
        let workspace = Workspace(root: try root())
        let fm = FileManager.default
        let state = workspace.stateURL
        let outside = try root()
        let deep = state.appendingPathComponent("site-fragments/a/b")
        try fm.createDirectory(at: deep, withIntermediateDirectories: true)
        let temps = [
            state.appendingPathComponent(".site-hashes.tsv.tmp-\(UUID().uuidString)"),
            deep.appendingPathComponent("page.html.tmp-\(UUID().uuidString)"),
        ]
        let kept = [deep.appendingPathComponent("page.html"), state.appendingPathComponent("x.tmp-not-a-uuid")]
        let beyond = outside.appendingPathComponent("other.tmp-\(UUID().uuidString)")
        for url in temps + kept + [beyond] { try Data("x".utf8).write(to: url) }
        try fm.createSymbolicLink(at: state.appendingPathComponent("linked"), withDestinationURL: outside)
        let removed = WorkspaceRecovery.removeTempsRecursively(in: state)
        #expect(removed == temps.map(\.path).sorted())
        for url in temps { #expect(!fm.fileExists(atPath: url.path)) }
        for url in kept + [beyond] { #expect(fm.fileExists(atPath: url.path), "\(url.path)") }
    }

    @Test("SHA256SUMS left behind by a run killed after index.json is rewritten from the index")
    func repairsChecksums() throws {
        let dist = try root()
        let pack = DistIndex.Artifact(file: "skills-pack-0.1.0.zip", size: 3, sha256: String(repeating: "a", count: 64))
        let json = DistIndex.Artifact(file: "skills-pack-0.1.0.json", size: 2, sha256: String(repeating: "b", count: 64))
        var index = DistIndex()
        index.upsert(DistIndex.Version(version: "0.1.0", createdAt: "t", pack: pack, index: json, skills: 1, deltas: []))
        let data = try JSONWriter.data(index)
        try AtomicFile.write(data, to: dist.appendingPathComponent("index.json"))
        let sums = dist.appendingPathComponent("SHA256SUMS")
        try AtomicFile.write(Data("stale  index.json\n".utf8), to: sums)
        #expect(WorkspaceRecovery.repairChecksums(dist: dist) == sums.path)
        let text = try String(contentsOf: sums, encoding: .utf8)
        #expect(text.contains("\(Digest.sha256Hex(data))  index.json\n"))
        #expect(text.contains("\(pack.sha256)  skills-pack-0.1.0.zip\n"))
        #expect(WorkspaceRecovery.repairChecksums(dist: dist) == nil)
    }

    @Test("a pull target moved aside but not replaced is moved back whole")
    func pullTarget() throws {
        let parent = try root()
        let target = parent.appendingPathComponent("skills")
        let aside = parent.appendingPathComponent(".skills.old-\(UUID().uuidString)")
        let staging = parent.appendingPathComponent(".skills.pull-\(UUID().uuidString)")
        try AtomicFile.write(Data("old".utf8), to: aside.appendingPathComponent("skillex-pack.json"))
        try AtomicFile.write(Data("new".utf8), to: staging.appendingPathComponent("skillex-pack.json"))
        PullRecovery.recover(target: target)
        #expect(try String(contentsOf: target.appendingPathComponent("skillex-pack.json"), encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["skills"])
    }
}
