import Foundation

extension Scorer {
    /// Starts reading, on another core, the state files scoring decodes after the manifest:
    /// sync's cache (which sync reads first in a build) and, when stored cards are reused
    /// (`storedCards`), the scorecards. They load
    /// while the manifest is read; each is taken only while its file is unchanged
    /// (`FilePrefetch`), so this changes no output. Call it holding the workspace lock.
    public static func prefetch(_ workspace: Workspace, storedCards: Bool) {
        SyncCache.prefetch(workspace)
        if storedCards { ScorecardStore.prefetch(workspace) }
    }
}
