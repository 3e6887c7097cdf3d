import Foundation
public import SkillEx

/// The package use case: the quality gate, then a pack of every admitted skill in dist/ —
/// unless the latest version in dist/ already holds exactly those skills (`PackCurrency`), when
/// no version is minted. `skillex package` and the build's package stage both run it, so they
/// decide alike (before #16 only the build checked; `package` minted a copy each run).
public struct PackageJob: Sendable {
    /// Where it runs.
    public var context: JobContext
    /// Version, strategy, delta base, entry time. An explicit `version` always mints.
    public var options: PackOptions
    /// Write the plugin marketplace even when the manifest does not enable it.
    public var forceMarketplace = false

    /// A package job.
    public init(context: JobContext, options: PackOptions = PackOptions()) {
        self.context = context
        self.options = options
    }

    /// Gates and packs `manifest`'s skills. `scored` is the run the build's score stage made;
    /// without it the gate scores the skills itself (writing nothing) and logs the score
    /// events and webhooks of skills whose score the history does not hold yet.
    public func run(_ manifest: Manifest, scored: ScoreRun? = nil) async throws -> PackageJobReport {
        let workspace = context.workspace
        let started = Date()
        let decision: GateDecision
        if let scored {
            decision = Gate.decide(scored, manifest: manifest)
        } else {
            context.telemetry?.emit(Event(type: .started, metadata: ["command": "package"]))
            decision = try Gate(workspace: workspace).evaluate(manifest: manifest)
            // Skills whose score the history already holds log no score events of their own.
            let unrecorded = try? Scorer(workspace: workspace).unrecorded(decision.run, in: manifest)
            if let telemetry = context.telemetry {
                ScoreEvents.emit(decision.run, command: "package", on: telemetry, recorded: unrecorded)
            }
            await ScoreWebhookNotices.send(decision.run, recorded: unrecorded, manifest: manifest, context: context)
        }
        var admitted = manifest
        admitted.skills = decision.admitted
        if options.version == nil, let version = PackCurrency.unchangedByNote(admitted.skills, in: workspace) {
            return try unchanged(version, admitted: admitted, refused: decision.refused)
        }
        let latest = PackCurrency.latest(in: workspace)
        if options.version == nil, let latest, latest.checksums == PackCurrency.checksums(admitted.skills) {
            return try unchanged(latest.version, admitted: admitted, refused: decision.refused)
        }
        let result: PackResult
        do {
            result = try PackagingStage(workspace: workspace).pack(admitted, options: options)
        } catch {
            if let telemetry = context.telemetry { PackageEvents.failed(error, on: telemetry) }
            throw error
        }
        if let telemetry = context.telemetry {
            PackageEvents.packed(
                result, skills: admitted.skills, previous: latest?.checksums,
                durationMs: Date().timeIntervalSince(started) * 1000, on: telemetry)
        }
        var report = PackageJobReport(outcome: .minted(result), skills: result.skills, refused: decision.refused)
        report.extras = try extras(admitted, version: result.version)
        return report
    }

    /// The report when the latest pack already holds the admitted skills.
    private func unchanged(_ version: String, admitted: Manifest, refused: [GateRefusal]) throws -> PackageJobReport {
        var report = PackageJobReport(outcome: .unchanged(version: version), skills: admitted.skills.count, refused: refused)
        report.extras = try extras(admitted, version: version)
        return report
    }

    /// The plugin marketplace (when enabled) and the catalog budget of the admitted skills.
    private func extras(_ admitted: Manifest, version: String) throws -> PackageExtras.Report {
        try PackageExtras.run(admitted, version: version, workspace: context.workspace, forceMarketplace: forceMarketplace)
    }
}
