public import Foundation
public import SkillEx

/// The whole pipeline: sync, score, package, publish, site — each stage the very job its own
/// command runs, fed in memory by the one before (the manifest as sync and score left it, the
/// scoring run the gate decides from). Every stage runs even when an earlier one found problems;
/// a stage that cannot run stops the build (`BuildStageError`). To add a stage: a case in
/// `BuildStage`, a `stage…` function below and its summary in `BuildStageSummaries.swift`.
public struct BuildJob: Sendable {
    /// Where it runs.
    public var context: JobContext
    /// The site's output folder; nil is public/.
    public var out: URL?
    /// Seconds to wait for a folder publish target's lock.
    public var lockWait: Double
    /// How the sync stage runs (`offline` for git sources, for instance).
    public var syncOptions = SyncOptions()

    /// A build job.
    public init(context: JobContext, out: URL? = nil, lockWait: Double = 0) {
        self.context = context
        self.out = out
        self.lockWait = lockWait
    }

    /// Runs every stage on `manifest`; `progress(stage, i, n)` is called before each.
    public func run(
        _ manifest: Manifest, progress: (BuildStage, Int, Int) -> Void = { _, _, _ in }
    ) async throws(BuildStageError) -> BuildJobReport {
        let started = Date()
        var state = (manifest: manifest, scored: ScoreRun?.none)
        var reports: [BuildStageReport] = []
        for (index, stage) in BuildStage.allCases.enumerated() {
            progress(stage, index + 1, BuildStage.allCases.count)
            let stageStarted = Date()
            do {
                var report = try await run(stage, &state)
                PhaseTrace.mark("build.\(stage.rawValue)")
                report.durationMs = Date().timeIntervalSince(stageStarted) * 1000
                reports.append(report)
            } catch {
                throw BuildStageError(stage: stage, reason: ErrorText.brief(error), completed: reports)
            }
        }
        return BuildJobReport(stages: reports, durationMs: Date().timeIntervalSince(started) * 1000)
    }

    private func run(_ stage: BuildStage, _ state: inout (manifest: Manifest, scored: ScoreRun?)) async throws
        -> BuildStageReport
    {
        switch stage {
        case .sync:
            // The manifest is written once, by the score stage, so a build killed part-way leaves
            // manifest.json as it was or as the finished build writes it.
            let sync = try SyncJob(context: context, options: syncOptions, savesManifest: false).run(state.manifest)
            // Every repository missing: an input error (going on would write an empty pack).
            try MissingRepositoriesError.check(
                sync.result, manifest: state.manifest, path: context.workspace.manifestURL.path)
            state.manifest = sync.manifest
            Self.prefetchPack(after: sync.result, context.workspace)
            return sync.stageReport
        case .score:
            let score = try await ScoreJob(context: context, command: "build").run(state.manifest)
            (state.manifest, state.scored) = (score.manifest, score.run)
            return score.stageReport
        case .package:
            return try await PackageJob(context: context).run(state.manifest, scored: state.scored).stageReport
        case .publish:
            var publish = PublishJob(context: context)
            (publish.command, publish.lockWait, publish.skipsWithoutDestination) = ("build", lockWait, true)
            return try await publish.run(state.manifest).stageReport
        case .site:
            var site = SiteJob(context: context, out: out)
            // A run covering every skill is exactly what scorecards.json holds (a partial one is
            // merged with stored cards there, so the site reads the file instead).
            site.scored = state.scored.flatMap { $0.skills.count >= state.manifest.skills.count ? $0 : nil }
            return try site.run(state.manifest).stageReport
        }
    }
}
