public import SkillEx

extension BuildJob {
    /// Starts reading, on another core, the state files the build's stages decode (sync's cache,
    /// the stored scorecards, the latest pack's checksums), so they load while the manifest is
    /// read and sync walks the skills. Each stage takes its file only while it is unchanged
    /// (`FilePrefetch`), so this changes no output. Call it holding the workspace lock.
    public static func prefetch(_ workspace: Workspace) {
        Scorer.prefetch(workspace, storedCards: true)
        PackCurrency.prefetch(dist: workspace.distURL)
    }
}
