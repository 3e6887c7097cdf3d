public import Foundation
public import SkillEx
import SkillExSite

/// One rebuild of `skillex serve`: optionally sync (and, when a skill changed, score), then the
/// site, as `skillex site` builds it (the live-reload script is added by the server to its
/// answers only, never written). Says one line per step through `say`; a failed step says its
/// error (through `fail`) and leaves the site as it was. The caller holds the workspace lock.
public struct PreviewJob {
    /// How the preview runs the cookbook's `skillex-run` blocks: at one clock for the whole
    /// session (so editing a page does not run every other page's commands again), and under the
    /// manifest they last ran with (`key`) until a second pass runs them for the new one.
    public struct CommandState: Sendable {
        /// `SOURCE_DATE_EPOCH` for every run of the session.
        public let epoch: Int
        /// The runner's state key of the last pass that ran them; nil before the first.
        public var key: String?

        /// A session starting at `epoch`.
        public init(epoch: Int) { self.epoch = epoch }
    }

    /// The hub.
    public var workspace: Workspace
    /// The output folder; nil is public/.
    public var folder: URL?
    /// Receives each progress line (stdout).
    public var say: (String) -> Void
    /// Receives the error line of a failed rebuild (stderr).
    public var fail: (String) -> Void

    /// A preview rebuild.
    public init(workspace: Workspace, folder: URL?, say: @escaping (String) -> Void, fail: @escaping (String) -> Void) {
        self.workspace = workspace
        self.folder = folder
        self.say = say
        self.fail = fail
    }

    /// Rebuilds the folder. When the manifest the cookbook's commands see has changed, the site is
    /// built twice: first keeping the cookbook pages whose commands ran before (an edited skill's
    /// page is up within a second), then with those commands run again (seconds). `published`
    /// runs after each build.
    public func run(sync: Bool, commands: inout CommandState, published: () -> Void) {
        do {
            var manifest = try ManifestStore.load(workspace.manifestURL)
            if sync { manifest = try syncAndScore(manifest) }
            let runner = CookbookCommands.runner(workspace, epoch: commands.epoch)
            var site = SiteJob(context: JobContext(workspace: workspace), out: folder)
            site.keepUntilExit = false
            if var kept = runner, let key = commands.key, kept.stateKey != key {
                kept.stateKey = key
                site.commands = kept
                say(try site.run(manifest).summary + "; cookbook commands run next")
                published()
            }
            site.commands = runner
            let report = try site.run(manifest)
            commands.key = runner?.stateKey
            say(report.summary)
            published()
        } catch {
            fail("error: \(ErrorText.brief(error))")
        }
    }

    /// Syncs every repository (unchanged skills are skipped) and, when a skill was copied or
    /// removed, scores them all (no webhooks, no events, no history: a preview only shows).
    /// Writes manifest.json (only when it changed) and the scorecards.
    private func syncAndScore(_ manifest: Manifest) throws -> Manifest {
        let (result, synced) = try Syncer(workspace: workspace, options: SyncOptions()).sync(manifest)
        let s = result.summary
        var line = "sync: \(s.copied) copied, \(s.removed) removed, \(s.errors.count) errors"
        for issue in s.errors { line += "\n  \(issue.repo)\(issue.skill.map { "/\($0)" } ?? ""): \(issue.message)" }
        say(line)
        guard s.copied + s.removed > 0 else {
            if synced != manifest { try ManifestStore.save(synced, to: workspace.manifestURL) }
            return synced
        }
        let (run, scored) = try Scorer(workspace: workspace, options: ScoreOptions()).score(synced)
        try ManifestStore.save(scored, to: workspace.manifestURL)
        _ = try ScorecardStore.write(run, manifest: scored, workspace: workspace)
        say("score: \(run.skills.count) scored, \(run.summary.refused) below the threshold")
        return scored
    }
}
