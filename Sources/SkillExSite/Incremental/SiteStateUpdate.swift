import SkillEx

/// What one build learned that the next should remember (see `SiteBuildState`): the skill
/// listings, the event log's folded summary and freshly rendered fragments. Reading the input
/// and rendering pages only collect these; `save` writes them, and only the publisher calls it.
public struct SiteStateUpdate: Sendable {
    /// The skill listings found while loading.
    let listings: ListingUpdate
    /// The event log, holding its summary to keep once it was folded.
    let eventLog: LazyEventLog
    /// The fragments rendered this build.
    let fragments: FragmentCache?
    /// The search index's page counts and file fingerprints of this build.
    var searchTerms: SearchTermCache?

    /// Writes everything (best effort: each file is a cache, and a lost one only costs work).
    /// The files are independent, so they are written on every core; the search counts (the
    /// largest) go first.
    public func save() {
        let saves: [@Sendable () -> Void] = [
            { [searchTerms] in searchTerms?.save() }, { [listings] in listings.save() },
            { [eventLog] in eventLog.saveSummary() }, { [fragments] in fragments?.save() },
        ]
        _ = ParallelMap.map(saves) { $0() }
    }
}
