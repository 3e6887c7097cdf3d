import Foundation
import SkillExTestSupport
import Testing

/// The built `skillex` run as a user runs it, on temporary workspaces: exit statuses, the one
/// line a bad input gets, and the files a build leaves.
@Suite("Built binary")
struct BinaryRunTests {
    /// A fresh temporary folder.
    private func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-binary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `text` to `path` under `root`, creating folders.
    private func write(_ text: String, to path: String, under root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test("validate: a skill that breaks a rule exits 1 and names the file, the field and the rule")
    func validateInvalidSkill() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try write("---\nname: PDF\ndescription: Fills PDF forms. Use when a form needs filling.\n---\n\nBody.\n", to: "PDF/SKILL.md", under: root)
        let run = try BuiltBinary.run(["validate", "--format", "text", "PDF"], in: root)
        #expect(run.status == 1)
        #expect(run.stdout.contains("PDF/SKILL.md") && run.stdout.contains("name.lowercase"))
        #expect(run.stdout.contains("0 valid, 1 invalid"))
    }

    @Test("validate: a path that does not exist exits 2 with one line naming it")
    func validateMissingPath() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try BuiltBinary.run(["validate", "no-such-skill"], in: root)
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.contains("no-such-skill"))
        #expect(run.stdout.isEmpty)
    }

    @Test("build: a manifest that is not JSON exits 2 with one line naming the file")
    func buildBadManifest() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try write("{\"repositories\": [", to: "manifest.json", under: root)
        let run = try BuiltBinary.run(["build", "--manifest", "manifest.json"], in: root)
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.contains("manifest.json"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
    }

    @Test("build: the example hub exits 1 (one invalid skill, one refused) and still writes the site and a pack")
    func buildExampleHub() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try TrackedCopy.copy("examples/hub", to: root)
        let run = try BuiltBinary.run(["build", "--manifest", "manifest.json", "--format", "json"], in: root)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/index.html").path))
        let index = try String(contentsOf: root.appendingPathComponent("dist/index.json"), encoding: .utf8)
        #expect(index.contains("skills-pack-0.1.0.zip"))
        // The invalid skill is a warning of the sync step; the refused one is named by the package step.
        #expect(run.stderr.contains("docs-guild/Meeting_Notes failed: invalid skill"))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(report["status"] as? String == "problems")
        let stages = try #require(report["stages"] as? [[String: Any]])
        let package = try #require(stages.first { $0["stage"] as? String == "package" })
        #expect(package["status"] as? String == "problems")
        #expect((package["summary"] as? String)?.contains("k8s-rollout") == true)
    }

    @Test("build: the example hub without its two bad skills exits 0 and writes public/index.html")
    func buildCleanHub() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try TrackedCopy.copy("examples/hub", to: root)
        for skill in ["repos/docs-guild/.claude/skills/Meeting_Notes", "repos/platform-tools/.claude/skills/k8s-rollout"] {
            try FileManager.default.removeItem(at: root.appendingPathComponent(skill))
        }
        let run = try BuiltBinary.run(["build", "--manifest", "manifest.json", "--format", "json"], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let home = try String(contentsOf: root.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(home.contains("sql-review"))
    }
}
