import Foundation
import SkillEx
import SkillExPipeline
import SkillExSite

/// What `skillex serve` watches and when it rebuilds. The workspace lock is taken for each
/// rebuild only and released before the next check, so a `skillex build` (or `sync`, `site`…)
/// started beside a running preview waits at most one rebuild (with `--wait`), and the preview
/// waits for it in turn without ever holding the lock while idle: neither can starve the other.
struct PreviewLoop {
    let workspace: Workspace
    /// The output folder (nil: public/).
    let folder: URL?
    /// Docs, templates, cookbook…: a change rebuilds the site.
    let inputs: Watcher
    /// The repositories' skills folders (from the manifest as last read): a change syncs first.
    private(set) var sources: Watcher
    /// Fingerprints the last rebuild started from (nil before the first one).
    private var seen: (sources: String, inputs: String, state: String)?
    private var noted = false
    private var recovered = false
    /// The cookbook's command runs: one clock for the session, the manifest they last saw.
    private var commands = PreviewJob.CommandState(epoch: Int(saturating: Date().timeIntervalSince1970))

    init(workspace: Workspace, folder: URL?, manifest: Manifest, cookbook: URL) {
        self.workspace = workspace
        self.folder = folder
        inputs = Watcher.siteInputs(workspace: workspace, extra: [cookbook])
        sources = Watcher.sources(manifest, workspace: workspace)
    }

    /// Rebuilds when anything watched changed since the last rebuild (always, the first time)
    /// and the workspace lock is free; true when it did. The first rebuild and every change to a
    /// repository's skills sync and score first; other changes only rebuild the site.
    /// `published` runs after each site build (a rebuild may build twice, see `PreviewJob`).
    mutating func step(published: () -> Void = {}) -> Bool {
        let now = (sources: sources.fingerprint(), inputs: inputs.fingerprint(), state: Watcher.workspaceState(workspace).fingerprint())
        if let seen, seen == now { return false }
        guard let lock = takeLock() else { return false }
        defer { lock.release() }
        if !recovered {
            // As every command that takes the lock does: clear what a killed run left behind.
            WorkspaceRecovery.recover(workspace)
            recovered = true
        }
        let sync = seen == nil || seen?.sources != now.sources
        PreviewJob(workspace: workspace, folder: folder, say: { Terminal.out($0) }, fail: { Terminal.err($0) })
            .run(sync: sync, commands: &commands, published: published)
        if let manifest = try? ManifestStore.load(workspace.manifestURL) {
            // A repository added or moved: its fingerprint then differs, so the next check syncs it.
            sources = Watcher.sources(manifest, workspace: workspace)
        }
        // What a sync and score wrote (manifest, scorecards) is not a change to act on; without
        // them, a change made meanwhile by someone else is seen at the next check.
        seen = (now.sources, now.inputs, sync ? Watcher.workspaceState(workspace).fingerprint() : now.state)
        return true
    }

    /// The workspace lock, or nil (saying once who holds it) while another run has it.
    private mutating func takeLock() -> WorkspaceLock? {
        do {
            let lock = try WorkspaceLock.acquire(at: WorkspaceLock.url(for: workspace), command: "serve", wait: 0)
            noted = false
            return lock
        } catch {
            if !noted {
                switch error {
                case .busy(_, let holder, _):
                    let who = holder.map { "skillex \($0.command) (pid \($0.pid))" } ?? "another run"
                    Terminal.err("waiting for \(who) to release the workspace lock; still serving the last build")
                case .unavailable: Terminal.err("error: \(error.description)")
                }
                noted = true
            }
            return nil
        }
    }
}
