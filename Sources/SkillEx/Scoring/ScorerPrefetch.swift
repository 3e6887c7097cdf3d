import Foundation

extension Scorer {
    /// Starts reading, on another core, the state files scoring decodes after the manifest:
    /// sync's cache (which sync reads first in a build) and, when stored cards are reused
    /// (`storedCards`), the scorecards. They load
    /// while the manifest is read; each is taken only while its file is unchanged
    /// (`FilePrefetch`), so this changes no output. When every skill will be linted (no stored
    /// cards to reuse), the rules are prepared meanwhile too (`prepareRules`); a run that reuses
    /// stored cards mostly lints nothing and builds them only if it needs them. Call it holding
    /// the workspace lock.
    public static func prefetch(_ workspace: Workspace, storedCards: Bool) {
        SyncCache.prefetch(workspace)
        if storedCards, FileManager.default.fileExists(atPath: ScorecardStore.url(workspace).path) {
            ScorecardStore.prefetch(workspace)
        } else {
            prepareRules()
        }
    }

    /// Builds, on another core, the keyword matcher and the patterns the rules compile on first
    /// use, so that the scoring threads neither build them nor wait on each other for them. Call
    /// it early in a command that scores: nothing it builds depends on the hub.
    public static func prepareRules() {
        DispatchQueue.global(qos: .userInitiated).async(execute: buildRules)
    }

    @Sendable private static func buildRules() {
        _ = SecurityKeywords.matcher
        SecretScan.prepare()
        HiddenMarkupScan.prepare()
        InjectionScan.prepare()
        ExfiltrationScan.prepare()
        SideEffectRule.prepare()
        RiskyShellRule.prepare()
    }
}
