/// What `Scorer.record` did: the run, the manifest with the new history points, and which
/// skills got one.
public struct ScoreRecording: Sendable {
    /// Every selected skill's scorecard.
    public var run: ScoreRun
    /// The manifest with the new `score_history` points, for the caller to save.
    public var manifest: Manifest
    /// `repo/skill` of each skill that got a new history point: its checksum or scoring inputs
    /// changed since its last point, or it had none. The other skills of `run` are unchanged:
    /// telemetry counts them in the run's event instead of logging each.
    public var recorded: Set<String>
    /// True when `.skillex/scorecards.json` already holds exactly `run`'s scorecards (every skill
    /// of the manifest, same inputs; only `generated_at` differs): there is nothing to write.
    public var scorecardsStored: Bool

    /// Skills of `run` that got no new point.
    public var unchanged: Int { run.skills.count - run.skills.filter { recorded.contains($0.id) }.count }

    /// A recording.
    public init(run: ScoreRun, manifest: Manifest, recorded: Set<String>, scorecardsStored: Bool = false) {
        self.run = run
        self.manifest = manifest
        self.recorded = recorded
        self.scorecardsStored = scorecardsStored
    }
}
