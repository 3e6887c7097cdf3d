import Foundation
import SkillEx

/// A temp hub with synced-looking skills (files under skills/ and manifest entries with their
/// checksums), for packaging tests.
struct PackFixture {
    let root: URL
    var workspace: Workspace { Workspace(root: root) }
    var dist: URL { root.appendingPathComponent("dist") }

    /// Creates a hub holding `skills` (`repo/skill` → relative path → contents).
    init(_ skills: [String: [String: String]]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("skillex-pack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (skill, files) in skills { try write(skill, files) }
        try record()
    }

    /// Replaces one skill's files (or removes it when `files` is nil) and re-records checksums.
    func write(_ skill: String, _ files: [String: String]?) throws {
        let folder = root.appendingPathComponent("skills").appendingPathComponent(skill)
        try? FileManager.default.removeItem(at: folder)
        guard let files else { return }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Writes a manifest recording every skill folder with its current checksum.
    func record(packager: String? = nil) throws {
        var manifest = Manifest()
        let skillsRoot = root.appendingPathComponent("skills")
        let fm = FileManager.default
        for repo in (try? fm.contentsOfDirectory(atPath: skillsRoot.path)) ?? [] {
            let repoURL = skillsRoot.appendingPathComponent(repo)
            for name in try fm.contentsOfDirectory(atPath: repoURL.path) {
                let checksum = try SkillChecksum.compute(folder: repoURL.appendingPathComponent(name))
                manifest.skills.append(
                    SkillEntry(
                        name: name, sourceRepo: repo, targetPath: "skills/\(repo)/\(name)", checksum: checksum,
                        packagedAt: "2025-01-01T00:00:00Z"))
            }
        }
        try manifest.extra.encode(packager, key: "packager")
        try ManifestStore.save(manifest, to: root.appendingPathComponent("manifest.json"))
    }

    /// The manifest as saved.
    func manifest() throws -> Manifest {
        try ManifestStore.load(root.appendingPathComponent("manifest.json"))
    }

    /// Runs the packaging stage.
    @discardableResult
    func pack(_ options: PackOptions = PackOptions()) throws -> PackResult {
        try PackagingStage(workspace: workspace).pack(try manifest(), options: options)
    }

    /// Bytes of a file in dist/.
    func dist(_ file: String) throws -> Data { try Data(contentsOf: dist.appendingPathComponent(file)) }

    /// Removes the hub.
    func remove() { try? FileManager.default.removeItem(at: root) }

    /// A small default set of skills.
    static let sample: [String: [String: String]] = [
        "alpha/one": ["SKILL.md": "---\nname: one\n---\nBody one\n", "references/a.md": "ref a\n"],
        "alpha/one-two": ["SKILL.md": "---\nname: one-two\n---\nBody\n"],
        "beta/two": ["SKILL.md": String(repeating: "compressible text ", count: 200), "scripts/run.sh": "echo hi\n"],
    ]
}
