import Foundation
import SkillEx
import SkillExSite

/// The steps of `skillex build`, in order. Adding a stage is one line here.
enum StandardBuild {
    static func steps(out: URL?, wait: Double = 0) -> [BuildStep] {
        [
            BuildStep("sync", run: sync),
            BuildStep("score", run: score),
            // issue #20: marketplace + catalog budget after the pack; re-place with the package job.
            BuildStep("package") { context in try PackageExtras.afterBuildPackage(context, try package(&context)) },
            BuildStep("publish") { try await publish(&$0, wait: wait) },
            BuildStep("site") { context in
                let report = try SiteBuild.run(workspace: context.workspace, manifest: context.manifest, out: out)
                return BuildStepResult(summary: SiteBuild.summary(report, folder: (out ?? context.workspace.publicURL).path))
            },
        ]
    }

    /// Syncs every repository. The manifest is written once, by the score step, so a build
    /// killed part-way leaves manifest.json as it was or as the finished build writes it.
    /// When every repository is missing the build stops here (an input error, exit 2): going
    /// on would write an empty pack and report packaging as done.
    @Sendable static func sync(_ context: inout BuildContext) throws -> BuildStepResult {
        let syncer = Syncer(workspace: context.workspace, options: SyncOptions(), telemetry: context.telemetry)
        let (result, updated) = try syncer.sync(context.manifest)
        try MissingRepositoriesError.check(
            result, manifest: context.manifest, path: context.workspace.manifestURL.path)
        context.manifest = updated
        let s = result.summary
        return BuildStepResult(
            summary: "\(s.planned) planned, \(s.copied) copied, \(s.skipped) unchanged, \(s.removed) removed, "
                + "\(s.errors.count) errors", ok: result.status == "ok")
    }

    /// Scores every synced skill, appends score history to the skills that changed, writes
    /// manifest.json (with the sync's changes) and then `.skillex/scorecards.json`.
    @Sendable static func score(_ context: inout BuildContext) async throws -> BuildStepResult {
        let recording = try Scorer(workspace: context.workspace, options: ScoreOptions()).record(context.manifest)
        let (run, updated) = (recording.run, recording.manifest)
        try ManifestStore.save(updated, to: context.workspace.manifestURL)
        if !recording.scorecardsStored { try ScorecardStore.write(run, manifest: updated, workspace: context.workspace) }
        context.manifest = updated
        context.scoreRun = run
        if let telemetry = context.telemetry {
            ScoreEvents.emit(run, command: "build", on: telemetry, recorded: recording.recorded)
        }
        await WebhookNotices.send(run, recorded: recording.recorded, manifest: updated, workspace: context.workspace)
        let regressions = run.skills.filter { $0.regression != nil }.count
        // A skill below the threshold is a problem the step reports (✗), not a success.
        return BuildStepResult(
            summary: "\(run.skills.count) scored, \(run.summary.refused) below the threshold "
                + "\(String(format: "%g", run.threshold)), \(regressions) regressions",
            ok: run.summary.refused == 0)
    }

    /// The gate, then the pack of every admitted skill; a refusal fails the step (not the build).
    @Sendable static func package(_ context: inout BuildContext) throws -> BuildStepResult {
        guard let run = context.scoreRun else { return BuildStepResult(summary: "skipped: nothing scored", ok: false) }
        let decision = Gate.decide(run, manifest: context.manifest)
        var admitted = context.manifest
        admitted.skills = decision.admitted
        let refusals = decision.refused.map { $0.description }.joined(separator: "; ")
        let latest = PackCurrency.latest(dist: context.workspace.distURL)
        if let latest, latest.checksums == PackCurrency.checksums(admitted.skills) {
            let version = latest.version
            return BuildStepResult(
                summary: "unchanged: version \(version) already holds these \(admitted.skills.count) skills"
                    + (refusals.isEmpty ? "" : "; refused \(refusals)"),
                ok: decision.refused.isEmpty)
        }
        let started = Date()
        let result = try PackagingStage(workspace: context.workspace).pack(admitted, options: PackOptions())
        if let telemetry = context.telemetry {
            PackageEvents.packed(
                result, skills: admitted.skills, previous: latest?.checksums,
                durationMs: Date().timeIntervalSince(started) * 1000, on: telemetry)
        }
        var summary = "\(result.pack.file): \(result.skills) skills, \(result.pack.size) bytes"
        if let delta = result.delta { summary += "; delta from \(delta.artifact.from): \(delta.artifact.size) bytes" }
        if !refusals.isEmpty { summary += "; refused " + refusals }
        return BuildStepResult(summary: summary, ok: decision.refused.isEmpty)
    }

    /// Mirrors dist/ to the manifest's `storage`, when one is configured.
    @Sendable static func publish(_ context: inout BuildContext, wait: Double) async throws -> BuildStepResult {
        guard let settings = try StorageSettings.from(context.manifest), let target = settings.url else {
            return BuildStepResult(summary: "skipped: no storage in manifest.json")
        }
        let storage = try StorageLocator.storage(
            for: target, endpoint: nil, settings: settings, base: context.workspace.root, workspace: context.workspace)
        let targetLock = try CommandContext.lockTarget(storage, command: "build", wait: wait)
        defer { targetLock?.release(removing: true) }
        let hooks = try WebhookSettings.from(context.manifest)
        let dispatcher = hooks.isEmpty ? nil : WebhookDispatcher(webhooks: hooks, workspace: context.workspace)
        let report = try await Publisher(storage: storage, workspace: context.workspace)
            .publish(manifest: context.manifest, dryRun: false, dispatcher: dispatcher)
        return BuildStepResult(
            summary: "\(report.location): uploaded \(report.uploaded), unchanged \(report.unchanged), "
                + "\(report.bytesUploaded) bytes", ok: report.status == "ok")
    }
}
