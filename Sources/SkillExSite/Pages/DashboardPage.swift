import Foundation
import SkillEx

/// Telemetry dashboard: ingestion activity, validation pass rate, packaging throughput and score
/// distribution over time, with anomaly days marked.
struct DashboardPage: Sendable, Encodable {
    var frame: PageFrame
    var generatedAt: String
    var hasEvents: Bool
    var unreadable: Int
    var eventCount: Int
    var ingestion: ChartModel?
    var passRate: ChartModel?
    var throughput: ChartModel?
    var scores: ChartModel?
    var distribution: ChartModel?
    var anomalies: [RunSummary.AnomalyRow]
    var runs: [RunSummary.Row]

    // MARK: - Pages

    static func pages(from context: SiteContext) -> [PlannedPage] {
        let key = context.key("dashboard.html", context.input.aggregateFingerprint)
        return [.stamped("dashboard.html", key: key, context: context, "dashboard") { make($0) }]
    }

    static func make(_ context: SiteContext) -> DashboardPage {
        let input = context.input
        let events = input.eventSummary
        let days = events.sortedDays
        let tallies = days.map { events.days[$0] ?? EventSummary.DayTally() }
        let flagged = Set(tallies.indices.filter { tallies[$0].anomaly })
        let ingested = tallies.map { Double(bitPattern: $0.ingested) }
        let validated = tallies.map { Double(bitPattern: $0.validated) }
        let passed = tallies.map { Double(bitPattern: $0.passed) }
        let rate = zip(passed, validated).map { $1 > 0 ? $0 / $1 * 100 : 0 }
        let packaged = tallies.map { Double(bitPattern: $0.packaged) }
        return DashboardPage(
            frame: PageFrame(context: context, title: "Dashboard", path: "dashboard.html", section: "dashboard"),
            generatedAt: context.generatedAt, hasEvents: events.eventCount > 0, unreadable: events.unreadable,
            eventCount: events.eventCount,
            ingestion: days.isEmpty ? nil : BarChart.make(
                id: "ingestion", title: "Ingestion activity (sync and validation events per day)",
                yLabel: "events", labels: days, values: ingested, flagged: flagged),
            passRate: validated.allSatisfy({ $0 == 0 }) ? nil : LineChart.make(
                id: "pass-rate", title: "Validation pass rate per day", yLabel: "%", labels: days, values: rate,
                maximum: 100, flagged: flagged, unit: "%"),
            throughput: packaged.allSatisfy({ $0 == 0 }) ? nil : BarChart.make(
                id: "throughput", title: "Packaging throughput (skills packaged per day)", yLabel: "skills",
                labels: days, values: packaged, flagged: flagged),
            scores: scoreTrend(input), distribution: distribution(input),
            anomalies: events.latestAnomalies(limit: 50), runs: events.recentRuns(limit: 20))
    }

    // MARK: - Formatting helpers

    /// The mean score of every skill's history per day.
    static func scoreTrend(_ input: SiteInput) -> ChartModel? {
        var sums: [String: (Double, Int)] = [:]
        for skill in input.skills {
            for point in skill.history {
                let day = String(point.at.prefix(10))
                let old = sums[day] ?? (0, 0)
                sums[day] = (old.0 + point.score, old.1 + 1)
            }
        }
        guard !sums.isEmpty else { return nil }
        let days = sums.keys.sorted()
        return LineChart.make(
            id: "score-trend", title: "Mean score over time", yLabel: "score", labels: days,
            values: days.map { (sums[$0]?.0 ?? 0) / Double(max(1, sums[$0]?.1 ?? 1)) }, maximum: 100)
    }

    /// Current scores in ten buckets.
    static func distribution(_ input: SiteInput) -> ChartModel? {
        let scores = input.skills.compactMap(\.score)
        guard !scores.isEmpty else { return nil }
        var buckets = Array(repeating: 0.0, count: 10)
        for score in scores { buckets[min(9, max(0, Int(score / 10)))] += 1 }
        let labels = (0..<10).map { "\($0 * 10)–\($0 == 9 ? 100 : $0 * 10 + 9)" }
        return BarChart.make(id: "distribution", title: "Score distribution (skills per score band)",
                             yLabel: "skills", labels: labels, values: buckets)
    }
}
