public import Foundation

/// The libFuzzer entries for the site's own parsers of outside input (see `FuzzEntryPoints`).
public enum SiteFuzzEntryPoints {
    /// The harness names, which are also the folders under `Fuzz/corpus/`.
    public static let harnesses = ["site-event-log"]

    /// Runs the harness called `name` on `data`; false when there is no such harness here.
    public static func run(_ name: String, _ data: Data) -> Bool {
        switch name {
        case "site-event-log": eventLog(data)
        default: return false
        }
        return true
    }

    /// `.skillex/events.jsonl` bytes as the site reads them: line-aligned ranges parsed on every
    /// core, each line by the byte-level parser or, failing that, by `JSONDecoder`; then folded
    /// into the summary the home page and dashboard show.
    public static func eventLog(_ data: Data) {
        let (events, _) = EventSummaryCache.decode(data)
        var summary = EventSummary()
        var kinds = EventKinds()
        summary.add(events, kinds: &kinds)
        _ = summary.recentRuns(limit: 10)
        _ = summary.latestAnomalies(limit: 10)
    }
}
