import Foundation
import SkillEx
import SkillExTestSupport
import Testing

@Suite("Syncer")
struct SyncerTests {
    static let hub = """
        -- manifest.json --
        {"version": 1, "repositories": [
          {"name": "acme", "path": "repos/acme"},
          {"name": "gone", "path": "repos/gone"},
          {"name": "nodir", "path": "repos/nodir"}
        ], "skills": []}
        -- repos/acme/.claude/skills/pdf/SKILL.md --
        ---
        name: pdf
        description: Fills PDF forms. Use when a form needs filling.
        ---
        # PDF
        -- repos/acme/.claude/skills/pdf/scripts/fill.py --
        print("fill")
        -- repos/acme/.claude/skills/Bad/SKILL.md --
        ---
        name: Bad
        description: d
        ---
        -- repos/nodir/README.md --
        no skills here
        """

    func sync(_ ws: TestWorkspace, _ options: SyncOptions = SyncOptions()) throws -> SyncResult {
        let workspace = ws.workspace()
        let manifest = try ManifestStore.load(workspace.manifestURL)
        let (result, updated) = try Syncer(workspace: workspace, options: options).sync(manifest)
        if !options.dryRun { try ManifestStore.save(updated, to: workspace.manifestURL) }
        return result
    }

    @Test("an installed copy removed by hand is copied again; a present one is skipped")
    func missingInstalledCopyIsCopiedAgain() throws {
        let ws = try TestWorkspace(Self.hub)
        defer { ws.remove() }
        _ = try sync(ws)
        #expect(try sync(ws).summary.skipped == 1)
        try FileManager.default.removeItem(at: ws.url("skills/acme/pdf"))
        let again = try sync(ws)
        #expect(again.summary.copied == 1)
        #expect(again.summary.skipped == 0)
        #expect(ws.exists("skills/acme/pdf/scripts/fill.py"))
        #expect(try sync(ws).summary.skipped == 1)
    }

    @Test("copies valid skills, reports invalid ones and repository errors, records checksums")
    func firstSync() throws {
        let ws = try TestWorkspace(Self.hub)
        defer { ws.remove() }
        let result = try sync(ws)
        #expect(result.status == .error)
        #expect(result.summary.planned == 2)
        #expect(result.summary.copied == 1)
        #expect(result.summary.validated == 1)
        #expect(Set(result.summary.errors.map(\.reason)) == ["missing_repo", "missing_skills_dir", "invalid_skill"])
        #expect(ws.exists("skills/acme/pdf/scripts/fill.py"))
        #expect(!ws.exists("skills/acme/Bad"))
        let manifest = try ManifestStore.load(ws.url("manifest.json"))
        #expect(manifest.version == 2)
        #expect(manifest.generatedAt == "2025-01-02T03:04:05Z")
        let entry = try #require(manifest.skill(repo: "acme", name: "pdf"))
        #expect(entry.targetPath == "acme/pdf")  // v0.1's form, relative to skills/
        #expect(entry.checksum == (try SkillChecksum.compute(folder: ws.url("repos/acme/.claude/skills/pdf"))))
        #expect(entry.packagedAt == "2025-01-02T03:04:05Z")
    }

    @Test("skips unchanged skills, recopies changed ones, prunes vanished ones")
    func resync() throws {
        let ws = try TestWorkspace(Self.hub)
        defer { ws.remove() }
        _ = try sync(ws)
        let second = try sync(ws)
        #expect(second.summary.skipped == 1)
        #expect(second.summary.copied == 0)
        try ws.write("repos/acme/.claude/skills/pdf/scripts/fill.py", "print('changed')\n")
        let third = try sync(ws)
        #expect(third.summary.copied == 1)
        #expect(try ws.read("skills/acme/pdf/scripts/fill.py") == "print('changed')\n")
        var forced = SyncOptions()
        forced.force = true
        #expect(try sync(ws, forced).summary.copied == 1)
        try FileManager.default.removeItem(at: ws.url("repos/acme/.claude/skills/pdf"))
        let fourth = try sync(ws)
        #expect(fourth.summary.removed == 1)
        #expect(!ws.exists("skills/acme/pdf"))
        #expect(try ManifestStore.load(ws.url("manifest.json")).skills.isEmpty)
    }

    @Test("a dry run writes nothing")
    func dryRun() throws {
        let ws = try TestWorkspace(Self.hub)
        defer { ws.remove() }
        let manifest = try ws.read("manifest.json")
        let entries = try FileManager.default.contentsOfDirectory(atPath: ws.root.path).sorted()
        var options = SyncOptions()
        options.dryRun = true
        let result = try sync(ws, options)
        #expect(result.results.contains { $0.status == .wouldCopy })
        #expect(!ws.exists("skills/acme"))
        #expect(!ws.exists(".skillex"))
        #expect(try ws.read("manifest.json") == manifest)
        #expect(try FileManager.default.contentsOfDirectory(atPath: ws.root.path).sorted() == entries)
    }

    @Test("a symlink leading outside the skill fails that skill and leaves its old copy")
    func unsafeSymlink() throws {
        let ws = try TestWorkspace(Self.hub)
        defer { ws.remove() }
        _ = try sync(ws)
        try FileManager.default.createSymbolicLink(
            atPath: ws.url("repos/acme/.claude/skills/pdf/passwd").path, withDestinationPath: "/etc/passwd")
        let result = try sync(ws)
        let issue = try #require(result.summary.errors.first { $0.reason == "unsafe_symlink" })
        #expect(issue.path.hasSuffix("pdf/passwd"))
        #expect(ws.exists("skills/acme/pdf/SKILL.md"))
        #expect(!ws.exists("skills/acme/pdf/passwd"))
    }

    @Test("an external validator's failure fails the skill and keeps its output")
    func externalValidator() throws {
        let ws = try TestWorkspace(Self.hub + """

            -- check.sh --
            #!/bin/sh
            echo "nope: $1"
            exit 3
            """)
        defer { ws.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: ws.url("check.sh").path)
        var options = SyncOptions()
        // Through sh: exec'ing a script this process just wrote races with other tests' children
        // that inherited its write handle (ETXTBSY).
        options.packageScript = ["/bin/sh", "check.sh"]
        let result = try sync(ws, options)
        let issue = try #require(result.summary.errors.first { $0.reason == "validator_failed" })
        #expect(issue.message.contains("exited with status 3"))
        #expect(issue.output?.contains("nope:") == true)
        #expect(!ws.exists("skills/acme/pdf"))
    }

    @Test("a validator that runs too long is stopped")
    func validatorTimeout() throws {
        let ws = try TestWorkspace(Self.hub + "\n-- slow.sh --\n#!/bin/sh\nsleep 30\n")
        defer { ws.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: ws.url("slow.sh").path)
        var options = SyncOptions()
        options.packageScript = ["/bin/sh", "slow.sh"]
        options.validatorTimeout = 0.5
        let result = try sync(ws, options)
        #expect(result.summary.errors.contains { $0.message.contains("timed out") })
    }
}

@Suite("Syncer file modes")
struct SyncerModeTests {
    @Test("scripts keep their execute bit in skills/")
    func executeBit() throws {
        let ws = try TestWorkspace(SyncerTests.hub)
        defer { ws.remove() }
        let script = ws.url("repos/acme/.claude/skills/pdf/scripts/fill.py").path
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        _ = try SyncerTests().sync(ws)
        let copied = try FileManager.default.attributesOfItem(atPath: ws.url("skills/acme/pdf/scripts/fill.py").path)
        let mode = (copied[.posixPermissions] as? Int) ?? 0
        #expect(mode & 0o100 != 0)
        let doc = try FileManager.default.attributesOfItem(atPath: ws.url("skills/acme/pdf/SKILL.md").path)
        #expect(((doc[.posixPermissions] as? Int) ?? 0) & 0o111 == 0)
    }
}
