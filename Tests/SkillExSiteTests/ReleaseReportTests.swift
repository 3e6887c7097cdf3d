import Foundation
import SkillEx
import Testing

@testable import SkillExSite

@Suite("Release report")
struct ReleaseReportTests {
    typealias Packed = ReleaseSources.Packed
    typealias Hub = ReleaseSources.HubSkill

    static func point(_ at: String, _ score: Double, _ checksum: String) -> ScoreHistoryEntry {
        ScoreHistoryEntry(at: at, score: score, components: [:], checksum: checksum)
    }

    /// Version 1.0.0 held alpha (a1), beta (b1), gamma (g1) and risky (r1); 1.1.0 holds alpha
    /// changed (a2), beta, epsilon (new) and risky (approved). gamma is gone from the hub, weak
    /// is refused with an approval of an earlier version, zeta failed validation, late was synced
    /// after packing.
    static func sources(previous: [Packed]? = [
        Packed(repo: "team", skill: "alpha", checksum: "a1"), Packed(repo: "team", skill: "beta", checksum: "b1"),
        Packed(repo: "team", skill: "gamma", checksum: "g1"), Packed(repo: "team", skill: "risky", checksum: "r1"),
    ], previousVersion: String? = "1.0.0") -> ReleaseSources {
        let findings = (1...5).map {
            ScoreFinding(rule: "rule-\($0)", severity: $0 < 3 ? .error : .warning, message: "finding \($0)",
                         remediation: "fix \($0)", file: "SKILL.md", line: $0)
        }
        return ReleaseSources(
            title: "Hub", generatedAt: "2026-01-01T00:00:00Z", threshold: 70, version: "1.1.0",
            createdAt: "1980-01-01T00:00:00Z", pack: .init(file: "skills-pack-1.1.0.zip", size: 10, sha256: "ff"),
            released: [
                Packed(repo: "team", skill: "risky", checksum: "r1"), Packed(repo: "team", skill: "alpha", checksum: "a2"),
                Packed(repo: "team", skill: "beta", checksum: "b1"), Packed(repo: "team", skill: "epsilon", checksum: "e1"),
            ],
            previousVersion: previousVersion, previous: previous,
            hub: [
                Hub(repo: "team", skill: "alpha", checksum: "a2", score: 70, gate: "admitted",
                    history: [point("t1", 95, "a1"), point("t2", 100, "a1"), point("t3", 70, "a2")]),
                Hub(repo: "team", skill: "beta", checksum: "b1", score: 100, gate: "admitted", history: [point("t1", 100, "b1")]),
                Hub(repo: "team", skill: "epsilon", checksum: "e1", score: 90, gate: "admitted"),
                Hub(repo: "team", skill: "risky", checksum: "r1", score: 35, gate: "approved",
                    approval: Approval(by: "alice", at: "t2", reason: "reviewed", checksum: "r1", score: 35)),
                Hub(repo: "team", skill: "weak", checksum: "w2", score: 40, gate: "refused", findings: findings,
                    approval: Approval(by: "bob", at: "t1", reason: "old", checksum: "w1", score: 50)),
                Hub(repo: "team", skill: "late", checksum: "l1", score: 88, gate: "admitted"),
            ],
            syncFailures: [ReleaseSources.SyncFailure(repo: "team", skill: "zeta", reason: "invalid_skill", message: "name 'Zeta' must be lowercase")])
    }

    @Test("the diff lists added, changed and removed skills with their scores and moves")
    func diffBetweenVersions() throws {
        let data = ReleaseData(Self.sources())
        let changes = try #require(data.changes)
        #expect(changes.from == "1.0.0")
        #expect(changes.added.map(\.skill) == ["epsilon"])
        #expect(changes.added.first?.score == 90)
        #expect(changes.changed.map(\.skill) == ["alpha"])
        // The previous score is the latest history point recorded for the previous checksum.
        #expect(changes.changed.first?.previousScore == 100)
        #expect(changes.changed.first?.previousChecksum == "a1")
        #expect(changes.changed.first?.score == 70)
        #expect(changes.removed.map(\.skill) == ["gamma"])
        #expect(changes.removed.first?.why == "gone")
        #expect(changes.scoreMoves == [ReleaseData.ScoreMove(repo: "team", skill: "alpha", from: 100, to: 70, delta: -30)])
        #expect(data.included.map(\.skill) == ["alpha", "beta", "epsilon", "risky"])
        #expect(data.included.map(\.change) == ["changed", "unchanged", "added", "unchanged"])
        #expect(data.summary.added == 1 && data.summary.changed == 1 && data.summary.removed == 1 && data.summary.scoreMoves == 1)
    }

    @Test("kept-out skills carry their reason: the validation error, the score against the threshold and top findings")
    func keptOutReasons() throws {
        let data = ReleaseData(Self.sources())
        #expect(data.keptOut.map(\.skill) == ["zeta", "weak", "late"])
        #expect(data.keptOut.map(\.reason) == [.invalid, .refused, .notPacked])
        let invalid = data.keptOut[0]
        #expect(invalid.errorCode == "invalid_skill")
        #expect(invalid.message == "name 'Zeta' must be lowercase")
        #expect(!invalid.earlierCopyIncluded)
        let refused = data.keptOut[1]
        #expect(refused.score == 40 && refused.threshold == 70)
        #expect(refused.message == "score 40 is below the threshold 70")
        #expect(refused.findings.map(\.rule) == ["rule-1", "rule-2", "rule-3"])
        #expect(refused.staleApproval?.by == "bob")
        #expect(refused.staleApproval?.holds == false)
        #expect(data.keptOut[2].message.contains("not in pack 1.1.0"))
        #expect(data.summary.invalid == 1 && data.summary.refused == 1 && data.summary.notPacked == 1)
    }

    @Test("approvals say who, when, why, and whether they hold")
    func approvals() {
        let data = ReleaseData(Self.sources())
        #expect(data.approvals.map(\.skill) == ["risky", "weak"])
        #expect(data.approvals[0].by == "alice" && data.approvals[0].reason == "reviewed" && data.approvals[0].at == "t2")
        #expect(data.approvals[0].holds && data.approvals[0].included)
        #expect(!data.approvals[1].holds && !data.approvals[1].included)
    }

    @Test("an invalid skill whose earlier copy ships says so; a removed one that is now refused says why")
    func earlierCopyAndRemovedReasons() throws {
        var sources = Self.sources()
        sources.syncFailures.append(.init(repo: "team", skill: "beta", reason: "unsafe_symlink", message: "link"))
        sources.previous?.append(Packed(repo: "team", skill: "weak", checksum: "w1"))
        let data = ReleaseData(sources)
        let beta = try #require(data.keptOut.first { $0.skill == "beta" })
        #expect(beta.reason == .invalid && beta.earlierCopyIncluded)
        #expect(data.changes?.removed.first { $0.skill == "weak" }?.why == "refused")
        #expect(data.changes?.removed.first { $0.skill == "weak" }?.previousScore == nil)
    }

    @Test("a first release has no changes and no change column")
    func firstRelease() {
        let data = ReleaseData(Self.sources(previous: nil, previousVersion: nil))
        #expect(data.changes == nil)
        #expect(data.previousVersion == nil)
        #expect(!data.included.isEmpty && data.included.allSatisfy { $0.change == nil })
        #expect(data.summary.added == 0)
    }

    @Test("a hub with no pack yet lists nothing as included or not packed, and still lists refusals")
    func noPackYet() {
        var sources = Self.sources(previous: nil, previousVersion: nil)
        sources.version = nil
        sources.pack = nil
        sources.released = nil
        let data = ReleaseData(sources)
        #expect(data.included.isEmpty)
        #expect(data.keptOut.map(\.reason) == [.invalid, .refused])
    }

    @Test("the JSON has the documented keys")
    func jsonKeys() throws {
        let json = try JSONWriter.data(ReleaseData(Self.sources()))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(Set(object.keys) == ["format", "title", "generated_at", "version", "previous_version", "created_at", "pack",
                                     "threshold", "summary", "included", "kept_out", "approvals", "changes", "notes"])
        let kept = try #require((object["kept_out"] as? [[String: Any]])?.first)
        #expect(kept["earlier_copy_included"] as? Bool == false)
        #expect(kept["error_code"] as? String == "invalid_skill")
    }

    @Test("the HTML escapes every value from skills, findings and approvals")
    func htmlEscapes() throws {
        var sources = Self.sources()
        sources.syncFailures = [.init(repo: "team", skill: "x<script>", reason: "invalid_skill", message: "<img src=x onerror=alert(1)>")]
        sources.hub[3].approval?.reason = "<b>bold</b>"
        let fixture = try SiteFixture()
        let input = try SiteInput.load(workspace: fixture.workspace, manifest: try ManifestStore.load(fixture.workspace.manifestURL))
        let data = ReleaseData(sources)
        let html = try Theme.load().render("report", ReleaseView(data, input: input))
        #expect(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>bold"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt;"))
        #expect(html.contains("id=\"kept-out-invalid\"") && html.contains("id=\"changes-removed\""))
        #expect(!html.contains("<link") && !html.contains("<script"))
    }

    @Test("loading reads the previous pack index from dist/, and never one named outside it")
    func loadStaysInDist() throws {
        let fixture = try SiteFixture()
        // Pack indexes as packaging writes them (`PackIndex`).
        func packIndex(_ version: String, _ skill: String, _ checksum: String) -> String {
            #"{"format": 1, "version": "\#(version)", "created_at": "1980-01-01T00:00:00Z", "files": 1, "bytes": 1, "skills": [{"repo": "acme", "skill": "\#(skill)", "checksum": "\#(checksum)", "bytes": 1, "files": [{"path": "SKILL.md", "size": 1}]}]}"#
        }
        try fixture.write("outside.json", packIndex("1.1.0", "stolen", "s"))
        try fixture.write("dist/skills-pack-1.0.0.json", packIndex("1.0.0", "pdf", "c0"))
        try fixture.write("dist/index.json", """
            {"format": 1, "latest": "1.1.0", "versions": [
              {"version": "1.1.0", "created_at": "1980-01-01T00:00:00Z", "pack": {"file": "p.zip", "size": 1, "sha256": "a"},
               "index": {"file": "../outside.json", "size": 1, "sha256": "b"}, "skills": 1, "deltas": []},
              {"version": "1.0.0", "created_at": "1980-01-01T00:00:00Z", "pack": {"file": "q.zip", "size": 1, "sha256": "c"},
               "index": {"file": "skills-pack-1.0.0.json", "size": 1, "sha256": "d"}, "skills": 1, "deltas": []}]}
            """)
        let input = try SiteInput.load(workspace: fixture.workspace, manifest: try ManifestStore.load(fixture.workspace.manifestURL))
        let sources = try ReleaseSources.load(input)
        #expect(sources.version == "1.1.0" && sources.previousVersion == "1.0.0")
        #expect(sources.released == nil)
        #expect(sources.notes == ["dist/../outside.json is missing: the skills of version 1.1.0 are unknown."])
        #expect(sources.previous == [Packed(repo: "acme", skill: "pdf", checksum: "c0")])
        #expect(throws: SiteError.self) { try ReleaseSources.load(input, version: "2.0.0") }
        let older = try ReleaseSources.load(input, version: "1.0.0")
        #expect(older.previousVersion == nil && older.released?.count == 1)
    }
}
