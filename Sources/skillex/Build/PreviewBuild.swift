import Foundation
import SkillEx
import SkillExSite

/// One rebuild of `skillex serve`: optionally sync (and, when a skill changed, score), then the
/// site, as `skillex site` builds it (the live-reload script is added by the server to its
/// answers only, never written). Prints one line per step; a failed step prints its error and
/// leaves the site as it was.
enum PreviewBuild {
    /// How the preview runs the cookbook's `skillex-run` blocks: at one clock for the whole
    /// session (so editing a page does not run every other page's commands again), and under the
    /// manifest they last ran with (`key`) until a second pass runs them for the new one.
    struct Commands {
        /// `SOURCE_DATE_EPOCH` for every run of the session.
        let epoch: Int
        /// The runner's state key of the last pass that ran them; nil before the first.
        var key: String?
    }

    /// Rebuilds `folder` from the workspace; the caller holds the workspace lock. When the
    /// manifest the cookbook's commands see has changed, the site is built twice: first keeping
    /// the cookbook pages whose commands ran before (an edited skill's page is up within a second),
    /// then with those commands run again (seconds). `published` runs after each build.
    static func run(
        workspace: Workspace, folder: URL?, sync: Bool, commands: inout Commands, published: () -> Void
    ) {
        do {
            var manifest = try ManifestStore.load(workspace.manifestURL)
            if sync { manifest = try syncAndScore(workspace: workspace, manifest: manifest) }
            let runner = SiteBuild.commandRunner(workspace, epoch: commands.epoch)
            if var kept = runner, let key = commands.key, kept.stateKey != key {
                kept.stateKey = key
                let report = try SiteBuild.run(
                    workspace: workspace, manifest: manifest, out: folder, keepUntilExit: false, commands: kept)
                Terminal.out(SiteBuild.summary(report, folder: (folder ?? workspace.publicURL).path)
                    + "; cookbook commands run next")
                published()
            }
            let report = try SiteBuild.run(
                workspace: workspace, manifest: manifest, out: folder, keepUntilExit: false, commands: runner)
            commands.key = runner?.stateKey
            Terminal.out(SiteBuild.summary(report, folder: (folder ?? workspace.publicURL).path))
            published()
        } catch {
            Terminal.err("error: \(ErrorText.brief(error))")
        }
    }

    /// Syncs every repository (unchanged skills are skipped) and, when a skill was copied or
    /// removed, scores them all (no webhooks, no events: a preview only shows). Writes
    /// manifest.json (only when it changed) and the scorecards, as `sync` and `score` do.
    private static func syncAndScore(workspace: Workspace, manifest: Manifest) throws -> Manifest {
        let (result, synced) = try Syncer(workspace: workspace, options: SyncOptions()).sync(manifest)
        let s = result.summary
        var line = "sync: \(s.copied) copied, \(s.removed) removed, \(s.errors.count) errors"
        for issue in s.errors { line += "\n  \(issue.repo)\(issue.skill.map { "/\($0)" } ?? ""): \(issue.message)" }
        Terminal.out(line)
        guard s.copied + s.removed > 0 else {
            if synced != manifest { try ManifestStore.save(synced, to: workspace.manifestURL) }
            return synced
        }
        let (run, scored) = try Scorer(workspace: workspace, options: ScoreOptions()).score(synced)
        try ManifestStore.save(scored, to: workspace.manifestURL)
        _ = try ScorecardStore.write(run, manifest: scored, workspace: workspace)
        Terminal.out("score: \(run.skills.count) scored, \(run.summary.refused) below the threshold")
        return scored
    }
}
