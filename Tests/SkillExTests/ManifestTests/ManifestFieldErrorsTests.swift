import Foundation
import SkillEx
import SkillExTestSupport
import Testing

/// Errors about manifest fields name the field and the expected form, on one line.
@Suite("Manifest field errors")
struct ManifestFieldErrorsTests {
    @Test("a validator_timeout that is not a positive number is refused, naming the field",
          arguments: ["-1", "0", "-0.5"])
    func validatorTimeout(_ value: String) throws {
        let ws = try TestWorkspace(
            "-- manifest.json --\n{\"repositories\": [{\"name\": \"a\", \"path\": \"r\", \"validator\": [\"v\"], \"validator_timeout\": \(value)}]}")
        defer { ws.remove() }
        do {
            _ = try ManifestStore.load(ws.url("manifest.json"))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("manifest.json: repositories[0].validator_timeout:"))
            #expect(error.description.contains("positive number of seconds"))
        }
    }

    @Test("a positive validator_timeout loads")
    func validatorTimeoutFine() throws {
        let ws = try TestWorkspace(
            "-- manifest.json --\n{\"repositories\": [{\"name\": \"a\", \"path\": \"r\", \"validator_timeout\": 2.5}]}")
        defer { ws.remove() }
        #expect(try ManifestStore.load(ws.url("manifest.json")).repositories.first?.validatorTimeout == 2.5)
    }

    @Test("limits errors name the field",
          arguments: [
            (JSONValue.object(["max_files": .int(0)]), "limits.max_files: 0 is not a positive whole number"),
            (.object(["max_depth": .int(-2)]), "limits.max_depth: -2"),
            (.object(["max_file_bytes": .string("big")]), "limits.max_file_bytes: must be a positive whole number"),
            (.object(["max_skill_md_bytes": .double(1.5)]), "limits.max_skill_md_bytes: must be a positive whole number"),
            (.string("none"), "limits: must be an object"),
          ])
    func limits(_ value: JSONValue, _ expected: String) {
        var manifest = Manifest()
        manifest.extra.values["limits"] = value
        do {
            _ = try SkillLimits.of(manifest)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("manifest.json: limits"))
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("every repository missing is one input error naming them; one present is not")
    func everyRepositoryMissing() throws {
        let ws = try TestWorkspace(
            """
            -- manifest.json --
            {"repositories": [{"name": "a", "path": "repos/a"}, {"name": "b", "path": "repos/b"}]}
            -- repos/b/README.md --
            not a skills folder
            """)
        defer { ws.remove() }
        let workspace = ws.workspace()
        var manifest = try ManifestStore.load(workspace.manifestURL)
        let (some, _) = try Syncer(workspace: workspace).sync(manifest)
        #expect(throws: Never.self) { try MissingRepositoriesError.check(some, manifest: manifest, path: "m.json") }
        manifest.repositories[1].path = "repos/gone"
        let (none, _) = try Syncer(workspace: workspace).sync(manifest)
        do {
            try MissingRepositoriesError.check(none, manifest: manifest, path: "m.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("m.json: every repository is missing: a ("))
            #expect(error.description.contains("b ("))
            #expect(error.issues.count == 2)
        }
    }
}
