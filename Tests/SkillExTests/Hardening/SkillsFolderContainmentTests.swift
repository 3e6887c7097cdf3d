import Foundation
@testable import SkillEx
import SkillExTestSupport
import Testing

@Suite("A skills folder that is (or sits under) a symlink must resolve inside its repository")
struct SkillsFolderContainmentTests {
    static let hub = """
        -- manifest.json --
        {"version": 1, "repositories": [
          {"name": "acme", "path": "repos/acme", "skills_dir": "skills"},
          {"name": "deep", "path": "repos/deep", "skills_dir": "a/b/skills"},
          {"name": "fine", "path": "repos/fine", "skills_dir": "skills"}
        ], "skills": []}
        -- outside/skills/stolen/SKILL.md --
        ---
        name: stolen
        description: Lives outside every repository. Use when testing containment.
        ---
        -- repos/fine/real/ok/SKILL.md --
        ---
        name: ok
        description: Reached through a symlink that stays inside. Use when testing containment.
        ---
        """

    @Test("skills folders leading outside are refused with one line naming the repository; inside links work")
    func refused() throws {
        let ws = try TestWorkspace(Self.hub)
        defer { ws.remove() }
        let fm = FileManager.default
        try fm.createDirectory(at: ws.url("repos/acme"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: ws.url("repos/acme/skills").path, withDestinationPath: ws.url("outside/skills").path)
        // A folder above the skills folder is the link.
        try fm.createDirectory(at: ws.url("repos/deep"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: ws.url("repos/deep/a").path, withDestinationPath: "../../outside/a")
        try fm.createDirectory(at: ws.url("outside/a/b"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: ws.url("outside/a/b/skills").path, withDestinationPath: ws.url("outside/skills").path)
        try fm.createSymbolicLink(atPath: ws.url("repos/fine/skills").path, withDestinationPath: "real")

        let workspace = ws.workspace()
        let (result, _) = try Syncer(workspace: workspace).sync(try ManifestStore.load(workspace.manifestURL))
        let errors = Dictionary(result.summary.errors.map { ($0.repo, $0) }, uniquingKeysWith: { a, _ in a })
        for repo in ["acme", "deep"] {
            let error = try #require(errors[repo])
            #expect(error.reason == "unsafe_symlink")
            #expect(error.message.contains("skills folder of repository \(repo) leads to"))
            #expect(error.message.contains("outside/skills") && !error.message.contains("\n"))
            #expect(!ws.exists("skills/\(repo)"))
        }
        #expect(result.results.map(\.skill) == ["ok"])
        #expect(ws.exists("skills/fine/ok/SKILL.md"))
    }

    @Test("a skill folder that is a symlink is followed only when it stays inside its repository")
    func skillFolderLinks() throws {
        let ws = try TestWorkspace(
            """
            -- manifest.json --
            {"version": 1, "repositories": [{"name": "acme", "path": "repos/acme", "skills_dir": "skills"}], "skills": []}
            -- outside/stolen/SKILL.md --
            ---
            name: stolen
            description: Lives outside every repository. Use when testing containment.
            ---
            -- repos/acme/skills/plain/SKILL.md --
            ---
            name: plain
            description: A plain folder, never a link. Use when testing containment.
            ---
            -- repos/acme/kept/inside/SKILL.md --
            ---
            name: inside
            description: Reached through a link that stays inside. Use when testing containment.
            ---
            """)
        defer { ws.remove() }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: ws.url("repos/acme/skills/stolen").path, withDestinationPath: ws.url("outside/stolen").path)
        try fm.createSymbolicLink(atPath: ws.url("repos/acme/skills/inside").path, withDestinationPath: "../kept/inside")

        let listing = try SkillDiscovery.listing(of: ws.url("repos/acme/skills"))
        #expect(listing.folders.map(\.lastPathComponent) == ["inside", "plain", "stolen"])
        #expect(listing.linked == ["inside", "stolen"])

        let workspace = ws.workspace()
        let (result, _) = try Syncer(workspace: workspace).sync(try ManifestStore.load(workspace.manifestURL))
        let error = try #require(result.summary.errors.first { $0.skill == "stolen" })
        #expect(error.reason == "unsafe_symlink" && error.message.contains("skill folder is a symlink to"))
        #expect(Set(result.results.map(\.skill)) == ["inside", "plain"])
        #expect(!ws.exists("skills/acme/stolen"))
    }
}
