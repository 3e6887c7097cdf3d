import Foundation
import SkillEx
import SkillExTestSupport
import Testing

@Suite("skillex init reads and writes only inside the repository")
struct InitContainmentTests {
    static let hub = """
        -- manifest.json --
        {"version": 1, "repositories": []}
        -- repos/acme/skills/pdf/SKILL.md --
        ---
        name: pdf
        description: Fills PDF forms. Use when a form needs filling.
        ---
        -- outside/secret.md --
        SECRET
        -- outside/stolen/SKILL.md --
        ---
        name: stolen
        description: SECRET description. Use when stealing.
        ---
        """

    func answers(_ hub: TestWorkspace) -> OnboardingAnswers {
        OnboardingAnswers(
            repository: hub.url("repos/acme"), name: "acme", skillsDir: "skills", manifest: hub.url("manifest.json"),
            ci: [.github])
    }

    @Test("a symlink leading outside is refused with one line naming the path", arguments: [
        (".github", "outside"), (".skillex", "outside"), ("README.md", "outside/secret.md"), ("scripts", "outside"),
        ("skills/pdf/dangling", "outside/none"),
    ])
    func refused(_ link: String, _ target: String) throws {
        let hub = try TestWorkspace(Self.hub)
        defer { hub.remove() }
        try FileManager.default.createSymbolicLink(atPath: hub.url("repos/acme/\(link)").path, withDestinationPath: hub.url(target).path)
        if link.hasSuffix("dangling") {
            // Only paths init touches matter: a dangling link elsewhere is fine.
            _ = try OnboardingPlanner.plan(answers(hub), manifestDisplay: "manifest.json")
            return
        }
        let error = #expect(throws: OnboardingError.self) {
            try OnboardingPlanner.plan(answers(hub), manifestDisplay: "manifest.json").resolved(replacing: [])
        }
        #expect(error?.description.hasPrefix(link) == true)
        #expect(error?.description.contains("outside the repository (not followed)") == true)
        #expect(error?.description.contains("SECRET") == false)
    }

    @Test("a symlinked skill folder leading outside is left out of the README")
    func readme() throws {
        let hub = try TestWorkspace(Self.hub)
        defer { hub.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: hub.url("repos/acme/skills/stolen").path, withDestinationPath: hub.url("outside/stolen").path)
        let plan = try OnboardingPlanner.plan(answers(hub), manifestDisplay: "manifest.json")
        let readme = try #require(plan.files.first { $0.path == "README.md" })
        #expect(readme.new.contains("`pdf`") && !readme.new.contains("stolen") && !readme.new.contains("SECRET"))
    }

    @Test("files are written 0644, scripts 0755, and an updated file never gains more than 0755")
    func modes() throws {
        let hub = try TestWorkspace(Self.hub)
        defer { hub.remove() }
        try hub.write("repos/acme/README.md", "# acme\n")
        #expect(chmod(hub.url("repos/acme/README.md").path, 0o777) == 0)
        try OnboardingWriter.write(try OnboardingPlanner.plan(answers(hub), manifestDisplay: "manifest.json").resolved(replacing: []))
        func mode(_ path: String) throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: hub.url("repos/acme/\(path)").path)[.posixPermissions] as? Int)
        }
        #expect(try mode("scripts/validate_skills.sh") == 0o755)
        #expect(try mode(".github/workflows/skillex.yml") == 0o644)
        #expect(try mode(".skillex/init.json") == 0o644)
        #expect(try mode("README.md") == 0o755)
    }
}
