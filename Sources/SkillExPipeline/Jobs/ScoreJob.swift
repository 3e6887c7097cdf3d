public import Foundation
public import SkillEx

/// The score use case: (optionally record a maintainer's approval,) score the synced skills,
/// append score history, write manifest.json and `.skillex/scorecards.json`, log the score
/// events and send the `rejected`/`approved` webhooks. `skillex score` and the build's score
/// stage both run it.
public struct ScoreJob: Sendable {
    /// A maintainer's approval to record before scoring.
    public struct ApprovalRequest: Sendable {
        /// NAME or REPO/NAME.
        public var skill: String
        /// The approving maintainer.
        public var by: String
        /// Why the skill should ship.
        public var reason: String

        /// An approval.
        public init(skill: String, by: String, reason: String) {
            self.skill = skill
            self.by = by
            self.reason = reason
        }
    }

    /// Where it runs.
    public var context: JobContext
    /// Which skills, extra reports, reuse of stored scorecards.
    public var options: ScoreOptions
    /// Recorded first, when given (and then the approved skill alone is scored, unless named ones are).
    public var approval: ApprovalRequest?
    /// The `command` the score events carry (`score`, `build`).
    public var command: String

    /// A score job.
    public init(context: JobContext, options: ScoreOptions = ScoreOptions(), approval: ApprovalRequest? = nil, command: String) {
        self.context = context
        self.options = options
        self.approval = approval
        self.command = command
    }

    /// Scores `manifest`'s skills and records the run.
    public func run(_ manifest: Manifest) async throws -> ScoreJobReport {
        let workspace = context.workspace
        var current = manifest
        var options = self.options
        if let approval {
            current = try Approver(workspace: workspace)
                .approve(skill: approval.skill, by: approval.by, reason: approval.reason, manifest: current).1
            if options.skills.isEmpty { options.skills = [approval.skill] }
        }
        let recording = try Scorer(workspace: workspace, options: options).record(current)
        let (run, updated) = (recording.run, recording.manifest)
        try ManifestStore.save(updated, to: workspace.manifestURL)
        PhaseTrace.mark("score.manifest-save")
        // Scorecards that already say exactly this are not written again.
        let written = recording.scorecardsStored
            ? nil : try ScorecardStore.write(run, manifest: updated, workspace: workspace)
        if let telemetry = context.telemetry {
            ScoreEvents.emit(run, command: command, on: telemetry, recorded: recording.recorded)
        }
        PhaseTrace.mark("score.scorecards-write")
        await ScoreWebhookNotices.send(run, recorded: recording.recorded, manifest: updated, context: context)
        PhaseTrace.mark("score.events")
        return ScoreJobReport(run: run, manifest: updated, recorded: recording.recorded, written: written)
    }
}

/// What a scoring run found, and the manifest it recorded.
public struct ScoreJobReport: Sendable {
    /// Every scorecard, the threshold and the summary.
    public var run: ScoreRun
    /// The manifest with its new score history (saved).
    public var manifest: Manifest
    /// Skills that got a new history point.
    public var recorded: Set<String>
    /// The scorecards file's bytes, when this run wrote it.
    let written: Data?

    /// `problems` when a skill is below the threshold without an approval that holds.
    public var status: StageStatus { run.summary.refused == 0 ? .ok : .problems }
    /// Skills whose score fell since their last history point.
    public var regressions: Int { run.skills.filter { $0.regression != nil }.count }

    /// The scorecards as `skillex score --format json` prints them (the file's own bytes).
    public func scorecardsJSON() throws -> Data {
        try written ?? ScorecardStore.render(run)
    }
}
