public import Foundation
import SkillExSite

extension SiteFuzzEntryPoints {
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
        // The dashboard's chart of skills packaged per day: the one tally that sums measurements
        // as the log gives them (the others count events). A day with no tally sums to 0.0,
        // whose bit pattern is 0.
        let days = summary.sortedDays
        let packaged = days.map { Double(bitPattern: summary.days[$0]?.packaged ?? 0) }
        _ = BarChart.make(id: "fuzz", title: "fuzz", yLabel: "skills", labels: days, values: packaged, flagged: [0])
    }
}
