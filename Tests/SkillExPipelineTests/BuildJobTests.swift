import Foundation
import SkillEx
import SkillExPipeline
import SkillExTestSupport
import Testing

/// The jobs layer on a copy of the example hub: the build composes the stage jobs and reports
/// each with an enum status and counts; `package` and the build's package stage decide alike.
@Suite("Jobs")
struct BuildJobTests {
    /// A fresh copy of examples/hub at a fixed time, cookbook commands off (this is a test binary).
    private func exampleHub() throws -> Workspace {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("skillex-jobs-\(UUID().uuidString)").appendingPathComponent("hub")
        try TrackedCopy.copy("examples/hub", to: root)
        return Workspace(root: root, clock: .fixed(FixedClock.epoch), environment: ["SKILLEX_COOKBOOK_RUN": "1"])
    }

    @Test("a build reports every stage in order, with the statuses and counts of the example hub")
    func buildReport() async throws {
        let workspace = try exampleHub()
        defer { try? FileManager.default.removeItem(at: workspace.root.deletingLastPathComponent()) }
        let job = BuildJob(context: JobContext(workspace: workspace))
        var seen: [BuildStage] = []
        let report = try await job.run(try ManifestStore.load(workspace.manifestURL)) { stage, _, _ in seen.append(stage) }
        #expect(seen == BuildStage.allCases)
        #expect(report.stages.map(\.stage) == BuildStage.allCases)
        #expect(report.stages.map(\.status) == [.problems, .problems, .problems, .skipped, .ok])
        #expect(report.status == .problems)
        let sync = report.stages[0].counts
        #expect((sync.planned, sync.copied, sync.errors) == (10, 9, 1))
        let package = report.stages[2]
        #expect(package.minted == true && package.refused == ["platform-tools/k8s-rollout"])
        #expect(package.counts.skills == 8)
    }

    @Test("package run twice with nothing changed mints one version; the build then mints none either")
    func packageCurrency() async throws {
        let workspace = try exampleHub()
        defer { try? FileManager.default.removeItem(at: workspace.root.deletingLastPathComponent()) }
        let context = JobContext(workspace: workspace)
        let synced = try SyncJob(context: context).run(try ManifestStore.load(workspace.manifestURL)).manifest
        let first = try await PackageJob(context: context).run(synced)
        let second = try await PackageJob(context: context).run(synced)
        #expect(first.pack?.version == "0.1.0")
        #expect(second.outcome == .unchanged(version: "0.1.0") && second.status == .problems)
        let json = String(decoding: try JSONWriter.data(second), as: UTF8.self)
        #expect(json.contains("\"minted\": false") && json.contains("\"version\": \"0.1.0\""))
        let built = try await BuildJob(context: context).run(synced)
        #expect(built.stages[2].minted == false && built.stages[2].version == "0.1.0")
    }

    @Test("a stage passes unless it found problems; the build's status follows")
    func statuses() {
        #expect(StageStatus.ok.passed && StageStatus.skipped.passed && !StageStatus.problems.passed)
        let quiet = BuildStageReport(stage: .publish, status: .skipped, counts: StageCounts(), summary: "")
        #expect(BuildJobReport(stages: [quiet], durationMs: 1).status == .ok)
        let bad = BuildStageReport(stage: .sync, status: .problems, counts: StageCounts(), summary: "")
        #expect(BuildJobReport(stages: [quiet, bad], durationMs: 1).status == .problems)
    }
}
