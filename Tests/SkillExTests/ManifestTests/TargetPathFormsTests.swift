import Foundation
import SkillEx
import SkillExTestSupport
import Testing

/// `skills[].target_path` in v0.1's form (`<repo>/<skill>`, relative to the skills folder, as
/// v0.1 writes it and as sync now writes it) and SkillEx 0.2's (`skills/<repo>/<skill>`) are
/// read alike by every reader.
@Suite("target_path forms")
struct TargetPathFormsTests {
    static let skill = """
        ---
        name: pdf
        description: Fills PDF forms. Use when a form needs filling.
        ---
        # PDF

        Run `scripts/fill.py` to fill the form.
        """

    /// A hub whose skill is already in skills/, with the manifest exactly as v0.1's sync writes
    /// it: `version: 1`, and per skill name, source_repo, target_path `<repo>/<skill>`, checksum
    /// and packaged_at (see docs/cookbook/70-migrating-from-v0.1.md).
    static func hub(targetPath: String, version: Int = 1) throws -> TestWorkspace {
        let ws = try TestWorkspace(
            """
            -- repos/acme/.claude/skills/pdf/SKILL.md --
            \(skill)
            -- skills/acme/pdf/SKILL.md --
            \(skill)
            """)
        let checksum = try SkillChecksum.compute(folder: ws.url("skills/acme/pdf"))
        try ws.write(
            "manifest.json",
            """
            {
              "version": \(version),
              "generated_at": "2025-01-01T00:00:00Z",
              "repositories": [{"name": "acme", "path": "repos/acme"}],
              "skills": [
                {
                  "name": "pdf",
                  "source_repo": "acme",
                  "target_path": "\(targetPath)",
                  "checksum": "\(checksum)",
                  "packaged_at": "2025-01-01T00:00:00Z"
                }
              ]
            }
            """)
        return ws
    }

    @Test("both forms, and an absolute path, resolve to the same folder")
    func resolution() throws {
        let ws = try Self.hub(targetPath: "acme/pdf")
        defer { ws.remove() }
        let workspace = ws.workspace()
        var entry = SkillEntry(name: "pdf", sourceRepo: "acme", targetPath: "acme/pdf", checksum: "c", packagedAt: "")
        #expect(entry.targetPathIsSkillsRelative)
        #expect(entry.hubPath() == "skills/acme/pdf")
        let expected = ws.url("skills/acme/pdf").standardizedFileURL.path
        #expect(entry.folder(in: workspace).path == expected)
        entry.targetPath = "skills/acme/pdf"
        #expect(!entry.targetPathIsSkillsRelative)
        #expect(entry.hubPath() == "skills/acme/pdf")
        #expect(entry.folder(in: workspace).path == expected)
        entry.targetPath = "./acme/pdf"
        #expect(entry.hubPath() == "skills/acme/pdf")
        entry.targetPath = expected
        #expect(entry.folder(in: workspace).path == expected)
        // A sync target elsewhere (`--target`): v0.1's form is relative to it.
        let elsewhere = Workspace(
            manifest: workspace.manifestURL, target: URL(fileURLWithPath: "/srv/hub-skills"), clock: workspace.clock)
        entry.targetPath = "acme/pdf"
        #expect(elsewhere.skillsFolder == "/srv/hub-skills")
        #expect(entry.folder(in: elsewhere).path == "/srv/hub-skills/acme/pdf")
        #expect(workspace.skillsFolder == "skills")
    }

    @Test(
        "a hub path joins the root as standardizing it would, plain or not",
        arguments: [
            "skills/acme/pdf", "skills/a b/c", "skills/acme/pdf.v2", "skills/.hidden/x", "skills/a..b/c",
            "skills/./acme/pdf", "skills/acme/../other/pdf", "skills//acme/pdf", "skills/acme/pdf/", "./skills/x",
            "../outside/x", "skills/.../x", "skills/acme/..", "skills/acme/...", "skills/acme/.", "/srv/hub-skills/acme/pdf", "x",
        ])
    func folderFastPath(path: String) {
        let workspace = Workspace(manifest: URL(fileURLWithPath: "/srv/hub/manifest.json"))
        let standardized = URL(fileURLWithPath: path, isDirectory: true, relativeTo: workspace.root).standardizedFileURL
        #expect(SkillEntry.folder(hubPath: path, in: workspace).path == standardized.path)
    }

    @Test(
        "each spelling of target_path is told apart by its parts",
        arguments: [
            ("acme/pdf", "skills/acme/pdf"), ("./acme/pdf", "skills/acme/pdf"), ("acme/./pdf", "skills/acme/pdf"),
            ("acme//pdf", "skills/acme/pdf"), ("acme/pdf/", "skills/acme/pdf"), ("/srv/acme/pdf", "/srv/acme/pdf"),
            ("acme/.", "acme/."), ("./acme", "./acme"), ("skills/acme/pdf", "skills/acme/pdf"), ("acme", "acme"),
            ("./.", "./."), ("a.b/.c", "skills/a.b/.c"),
        ])
    func spellings(_ stored: String, _ hubPath: String) {
        let entry = SkillEntry(name: "pdf", sourceRepo: "acme", targetPath: stored, checksum: "c", packagedAt: "t")
        #expect(entry.hubPath() == hubPath)
        let relative = hubPath != stored
        #expect(entry.targetPathIsSkillsRelative == relative)
        #expect(entry.hubPath(skillsFolder: "") == (relative ? String(hubPath.dropFirst("skills/".count)) : stored))
    }

    @Test("sync writes v0.1's form, and rewrites SkillEx 0.2's form on an unchanged skill")
    func syncWritesV01Form() throws {
        for stored in ["acme/pdf", "skills/acme/pdf"] {
            let ws = try Self.hub(targetPath: stored, version: stored == "acme/pdf" ? 1 : 2)
            defer { ws.remove() }
            let workspace = ws.workspace()
            let manifest = try ManifestStore.load(workspace.manifestURL)
            let (result, updated) = try Syncer(workspace: workspace).sync(manifest)
            // Same checksum, files already in skills/: nothing is copied again.
            #expect(result.summary.copied == 0 && result.summary.skipped == 1, "\(stored)")
            #expect(updated.skills.map(\.targetPath) == ["acme/pdf"], "\(stored)")
            try ManifestStore.save(updated, to: workspace.manifestURL)
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(ws.read("manifest.json").utf8)) as? [String: Any])
            let skills = try #require(object["skills"] as? [[String: Any]])
            #expect(skills.first?["target_path"] as? String == "acme/pdf")
        }
    }

    @Test("a freshly copied skill is recorded as <repo>/<skill>")
    func freshCopy() throws {
        let ws = try Self.hub(targetPath: "acme/pdf")
        defer { ws.remove() }
        try FileManager.default.removeItem(at: ws.url("skills"))
        let workspace = ws.workspace()
        let (result, updated) = try Syncer(workspace: workspace).sync(try ManifestStore.load(workspace.manifestURL))
        #expect(result.summary.copied == 1)
        #expect(updated.skills.first?.targetPath == "acme/pdf")
        #expect(ws.exists("skills/acme/pdf/SKILL.md"))
    }

    @Test("scoring reads a v0.1 manifest and a SkillEx 0.2 one alike")
    func scoringReadsBoth() throws {
        var cards: [[Scorecard]] = []
        for stored in ["acme/pdf", "skills/acme/pdf"] {
            let ws = try Self.hub(targetPath: stored)
            defer { ws.remove() }
            let workspace = ws.workspace()
            let (run, _) = try Scorer(workspace: workspace).score(try ManifestStore.load(workspace.manifestURL))
            cards.append(run.skills)
        }
        #expect(cards[0].count == 1)
        #expect(cards[0].first?.path == "skills/acme/pdf")
        #expect(cards[0] == cards[1])
    }
}
