import Foundation
import SkillEx
import SkillExTestSupport
import Testing

@Suite("Validators get an allow-list environment")
struct ValidatorEnvironmentTests {
    static func hub(validatorEnv: String) -> String {
        """
        -- manifest.json --
        {"version": 1, "repositories": [
          {"name": "acme", "path": "repos/acme", "skills_dir": "skills",
           "validator": ["/bin/sh", "-c", "env; exit 1", "validator"]\(validatorEnv)}
        ], "skills": [],
         "webhooks": [{"url_env": "HSYNC_TEST_WEBHOOK_URL", "events": ["published"]}]}
        -- repos/acme/skills/pdf/SKILL.md --
        ---
        name: pdf
        description: Fills PDF forms. Use when a form needs filling.
        ---
        # PDF
        """
    }

    func validatorOutput(_ ws: TestWorkspace) throws -> String {
        let workspace = ws.workspace()
        let manifest = try ManifestStore.load(workspace.manifestURL)
        let (result, _) = try Syncer(workspace: workspace).sync(manifest)
        return try #require(result.results.first?.error?.output)
    }

    @Test("a variable the manifest names as a credential never reaches the validator; validator_env adds names")
    func allowList() throws {
        // Names no secret-looking pattern catches: only the allow-list keeps them out.
        setenv("HSYNC_TEST_WEBHOOK_URL", "https://hooks.example/very-secret-path", 1)
        setenv("HSYNC_TEST_PLAIN", "plain-value", 1)
        let ws = try TestWorkspace(Self.hub(validatorEnv: #", "validator_env": ["HSYNC_TEST_PLAIN"]"#))
        defer { ws.remove() }
        let output = try validatorOutput(ws)
        #expect(output.contains("HSYNC_TEST_PLAIN=plain-value"))
        #expect(output.contains("PATH="))
        #expect(!output.contains("very-secret-path"))
        let names = Set(output.split(separator: "\n").compactMap { $0.split(separator: "=").first.map(String.init) })
        // sh adds PWD, SHLVL and `_` itself.
        #expect(names.subtracting(["PATH", "HOME", "LANG", "TMPDIR", "HSYNC_TEST_PLAIN", "PWD", "SHLVL", "_", "OLDPWD"]).isEmpty)
    }

    @Test("without validator_env only PATH, HOME, LANG and TMPDIR pass")
    func baseOnly() throws {
        setenv("HSYNC_TEST_PLAIN", "plain-value", 1)
        let ws = try TestWorkspace(Self.hub(validatorEnv: ""))
        defer { ws.remove() }
        #expect(!(try validatorOutput(ws)).contains("HSYNC_TEST_PLAIN"))
    }

    @Test("a malformed validator_env is a manifest error naming the field", arguments: [
        #", "validator_env": "PATH""#, #", "validator_env": ["A=B"]"#, #", "validator_env": ["9X"]"#,
    ])
    func malformed(_ field: String) throws {
        let ws = try TestWorkspace(Self.hub(validatorEnv: field))
        defer { ws.remove() }
        let workspace = ws.workspace()
        let manifest = try ManifestStore.load(workspace.manifestURL)
        let error = #expect(throws: ManifestError.self) { try Syncer(workspace: workspace).sync(manifest) }
        #expect(error?.description.contains("repositories[0].validator_env") == true)
        #expect(!ws.exists("skills/acme/pdf"))
    }

    @Test("ChildEnvironment copies only the allow-list")
    func childEnvironment() {
        let env = ["PATH": "/bin", "HOME": "/h", "AWS_SECRET_ACCESS_KEY": "s", "SLACK_WEBHOOK_URL": "u", "X": "x"]
        #expect(ChildEnvironment.allowing([], from: env) == ["PATH": "/bin", "HOME": "/h"])
        #expect(ChildEnvironment.allowing(["X", "MISSING"], from: env) == ["PATH": "/bin", "HOME": "/h", "X": "x"])
        #expect(ChildEnvironment.isValidName("_A1") && !ChildEnvironment.isValidName("1A") && !ChildEnvironment.isValidName(""))
    }
}
