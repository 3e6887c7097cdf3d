import Foundation
@testable import SkillEx
import SkillExTestSupport
import Testing

@Suite("Manifest store")
struct ManifestStoreTests {
    static let v1 = """
        {
          "version": 1,
          "generated_at": "2025-01-01T00:00:00Z",
          "custom_team_field": {"keep": [1, 2.5, true, null]},
          "repositories": [{"name": "acme", "path": "repos/acme", "owner": "sre"}],
          "skills": [{"name": "pdf", "source_repo": "acme", "target_path": "acme/pdf",
                      "checksum": "abc", "packaged_at": "2025-01-01T00:00:00Z", "note": "x"}]
        }
        """

    @Test("loads a v0.1 manifest and writes it back as version 2 keeping unknown fields")
    func roundTrip() throws {
        let ws = try TestWorkspace("-- manifest.json --\n" + Self.v1)
        defer { ws.remove() }
        let manifest = try ManifestStore.load(ws.url("manifest.json"))
        #expect(manifest.version == 1)
        #expect(manifest.repositories.first?.skillsDir == nil)
        #expect(manifest.skills.first?.checksum == "abc")
        try ManifestStore.save(manifest, to: ws.url("manifest.json"))
        let text = try ws.read("manifest.json")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 2)
        let custom = object["custom_team_field"] as? [String: Any]
        #expect((custom?["keep"] as? [Any])?.count == 4)
        #expect(text.contains("\"owner\": \"sre\""))
        #expect(text.contains("\"note\": \"x\""))
        #expect(text.contains("  \"custom_team_field\": {"))
        #expect(text.hasSuffix("}\n"))
        // Stable: saving what was loaded gives the same bytes.
        let again = try ManifestStore.load(ws.url("manifest.json"))
        try ManifestStore.save(again, to: ws.url("manifest.json"))
        #expect(try ws.read("manifest.json") == text)
    }

    @Test("a save that changes only generated_at writes exactly the bytes a full encode writes")
    func generatedAtPatched() throws {
        let ws = try TestWorkspace("-- manifest.json --\n" + Self.v1 + "\n-- .skillex/keep --\n")
        defer { ws.remove() }
        let url = ws.url("manifest.json")
        try ManifestStore.save(try ManifestStore.load(url), to: url)
        let stamp = ws.url(".skillex/manifest-written")
        #expect(FileManager.default.fileExists(atPath: stamp.path))
        // Loaded from SkillEx's own write, changed in generated_at alone: the patched bytes.
        var next = try ManifestStore.load(url)
        next.generatedAt = "2026-12-03T04:05:06Z"
        try ManifestStore.save(next, to: url)
        let patched = try Data(contentsOf: url)
        #expect(patched == (try ManifestStore.encode(next)))
        #expect(String(decoding: patched, as: UTF8.self).contains("\"generated_at\": \"2026-12-03T04:05:06Z\""))

        // Another change besides the time: encoded in full, with that change.
        var changed = try ManifestStore.load(url)
        changed.generatedAt = "2026-12-04T00:00:00Z"
        changed.skills[0].checksum = "def"
        try ManifestStore.save(changed, to: url)
        #expect(try Data(contentsOf: url) == (try ManifestStore.encode(changed)))

        // A file edited by hand since SkillEx wrote it (same fields, other spacing) is encoded in
        // full: its bytes are not SkillEx's encoding.
        let edited = try ws.read("manifest.json").replacingOccurrences(of: "\n  \"", with: "\n    \"")
        try Data(edited.utf8).write(to: url)
        var reloaded = try ManifestStore.load(url)
        reloaded.generatedAt = "2026-12-05T00:00:00Z"
        try ManifestStore.save(reloaded, to: url)
        #expect(try Data(contentsOf: url) == (try ManifestStore.encode(reloaded)))
    }

    @Test("saving the manifest SkillEx wrote and loaded, unchanged, leaves the file alone; any change is written")
    func unchangedNotRewritten() throws {
        let ws = try TestWorkspace("-- manifest.json --\n" + Self.v1 + "\n-- .skillex/keep --\n")
        defer { ws.remove() }
        let url = ws.url("manifest.json")
        try ManifestStore.save(try ManifestStore.load(url), to: url)
        func identity() -> FileIdentity? { FileIdentity(path: url.path) }
        let written = try #require(identity())
        try ManifestStore.save(try ManifestStore.load(url), to: url)
        #expect(identity() == written)

        var changed = try ManifestStore.load(url)
        changed.skills[0].checksum = "def"
        try ManifestStore.save(changed, to: url)
        #expect(identity() != written)
        #expect(try ManifestStore.load(url).skills[0].checksum == "def")

        // A file replaced by hand since SkillEx wrote it is written again, even unchanged.
        let text = try ws.read("manifest.json").replacingOccurrences(of: "\n  \"", with: "\n    \"")
        try Data(text.utf8).write(to: url)
        let edited = try #require(identity())
        try ManifestStore.save(try ManifestStore.load(url), to: url)
        #expect(identity() != edited)
        #expect(try Data(contentsOf: url) == (try ManifestStore.encode(try ManifestStore.load(url))))
    }

    @Test(
        "rejects bad manifests with one line naming the file",
        arguments: [
            ("{", "malformed manifest"),
            ("[]", "malformed manifest"),
            ("{\"repositories\": [{\"name\": \"a\"}]}", "repositories[0].path"),
            ("{\"repositories\": [{\"name\": \"../x\", \"path\": \"r\"}]}", "must not contain '..'"),
            ("{\"repositories\": [{\"name\": \"a/b\", \"path\": \"r\"}]}", "must not contain"),
            ("{\"version\": 9, \"repositories\": []}", "unsupported version 9"),
            ("{\"repositories\": [{\"name\": \"a\", \"path\": \"r\"}, {\"name\": \"a\", \"path\": \"s\"}]}", "duplicate"),
            ("{\"repositories\": [{\"name\": \"a\", \"path\": \"r\", \"validator\": []}]}", "validator"),
        ])
    func rejects(_ text: String, _ expected: String) throws {
        let ws = try TestWorkspace("-- manifest.json --\n" + text)
        defer { ws.remove() }
        do {
            _ = try ManifestStore.load(ws.url("manifest.json"))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("manifest.json"))
            #expect(error.description.contains(expected))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("a missing manifest is an error naming it")
    func missing() {
        #expect(throws: ManifestError.missing(path: "/nonexistent/manifest.json")) {
            try ManifestStore.load(URL(fileURLWithPath: "/nonexistent/manifest.json"))
        }
    }

    @Test("feature sections round-trip through OpenFields")
    func sections() throws {
        struct Scoring: Codable, Equatable { var threshold: Int }
        var manifest = Manifest()
        try manifest.extra.encode(Scoring(threshold: 70), key: "scoring")
        let data = try ManifestStore.encode(manifest)
        let loaded = try JSONDecoder().decode(Manifest.self, from: data)
        #expect(try loaded.extra.decode(Scoring.self, key: "scoring") == Scoring(threshold: 70))
    }
}
