public import SkillEx

extension BuildJob {
    /// Starts reading, on another core, the state files the build's stages decode (sync's cache,
    /// the stored scorecards, the latest pack's checksums), so they load while the manifest is
    /// read and sync walks the skills. Each stage takes its file only while it is unchanged
    /// (`FilePrefetch`), so this changes no output. Call it holding the workspace lock.
    public static func prefetch(_ workspace: Workspace) {
        Scorer.prefetch(workspace, storedCards: true)
        PackCurrency.prefetch(workspace)
    }

    /// Opens the latest pack on another core when sync copied or removed a skill, so the next
    /// pack's copy of it is ready while the skills are scored (`PackReuse.prefetch`; the packer
    /// takes it only while `dist/` is unchanged).
    static func prefetchPack(after sync: SyncResult, _ workspace: Workspace) {
        guard sync.summary.copied > 0 || sync.summary.removed > 0 else { return }
        PackReuse.prefetch(dist: workspace.distURL)
    }
}
