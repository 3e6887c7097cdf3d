import Foundation
import SkillEx

/// Telemetry dashboard: ingestion activity, validation pass rate, packaging throughput and score
/// distribution over time, with anomaly days marked.
struct DashboardPage: Sendable, Encodable {
    var frame: PageFrame
    var generatedAt: String
    var hasEvents: Bool
    /// Lines of the log that could not be read; nil when every line was (the page then says nothing).
    var unreadable: Int?
    var eventCount: Int
    var ingestion: ChartModel?
    var passRate: ChartModel?
    var throughput: ChartModel?
    var scores: ChartModel?
    var distribution: ChartModel?
    var anomalies: [RunSummary.AnomalyRow]
    var runs: [RunSummary.Row]
    /// The summary strip and the problems list (`summary` template; HubSummary.swift).
    var summary: HubSummary?
    /// Issue #20: the admitted skills' catalog against the caps of agents that preload it.
    var catalog: CatalogBudget

    // MARK: - Pages

    static func pages(from context: SiteContext) -> [PlannedPage] {
        let key = context.key("dashboard.html", context.input.aggregateFingerprint)
        return [.stamped("dashboard.html", key: key, context: context, "dashboard") { make($0) }]
    }

    static func make(_ context: SiteContext) -> DashboardPage {
        let input = context.input
        let events = input.eventSummary
        let series = DailySeries(events)
        var page = DashboardPage(
            frame: PageFrame(context: context, title: "Dashboard", path: "dashboard.html", section: "dashboard"),
            generatedAt: context.generatedAt, hasEvents: events.eventCount > 0, unreadable: events.unreadable > 0 ? events.unreadable : nil,
            eventCount: events.eventCount,
            ingestion: series.days.isEmpty ? nil : BarChart.daily(
                id: "ingestion", title: "Ingestion activity (sync and validation events per day)",
                yLabel: "events", days: series.numbers, labels: series.days, values: series.ingested,
                flagged: series.flagged),
            passRate: series.validated.allSatisfy({ $0 == 0 }) ? nil : LineChart.make(
                id: "pass-rate", title: "Validation pass rate per day", yLabel: "%", points: series.passRate,
                maximum: 100, unit: "%", joinWithin: 1),
            throughput: series.packaged.allSatisfy({ $0 == 0 }) ? nil : BarChart.daily(
                id: "throughput", title: "Packaging throughput (skills packaged per day)", yLabel: "skills",
                days: series.numbers, labels: series.days, values: series.packaged, flagged: series.flagged),
            scores: scoreTrend(input), distribution: distribution(input),
            anomalies: events.latestAnomalies(limit: 50), runs: events.recentRuns(limit: 20),
            catalog: CatalogBudget.measure(
                input.skills.filter(DiscoverySelection.isAdmitted).map { ($0.entry.name, $0.entry.description ?? "") }))
        page.summary = HubSummary(input)
        return page
    }

    /// The event summary's days as chart series: only days with a `YYYY-MM-DD` date (a time the
    /// log cannot place on the calendar is left off the charts), oldest first.
    struct DailySeries {
        var days: [String] = []
        var numbers: [Int] = []
        var ingested: [Double] = []
        var validated: [Double] = []
        var packaged: [Double] = []
        var flagged: Set<Int> = []
        /// Passed ÷ checked per day; a day that checked nothing has no value (a gap, not 0%).
        var passRate: [LineChart.Point] = []

        init(_ events: EventSummary) {
            for day in events.sortedDays {
                guard let number = Formatting.dayNumber(day) else { continue }
                let tally = events.days[day] ?? EventSummary.DayTally()
                let checked = Double(bitPattern: tally.validated)
                let passed = Double(bitPattern: tally.passed)
                if tally.anomaly { flagged.insert(days.count) }
                days.append(day)
                numbers.append(number)
                ingested.append(Double(bitPattern: tally.ingested))
                validated.append(checked)
                packaged.append(Double(bitPattern: tally.packaged))
                passRate.append(LineChart.Point(
                    x: Double(number), label: day, value: checked > 0 ? passed / checked * 100 : nil,
                    flagged: tally.anomaly))
            }
        }
    }

    // MARK: - Formatting helpers

    /// The mean of every skill's latest score at the end of each day that any score was
    /// recorded (a skill counts from its first score on), against the gate threshold.
    static func scoreTrend(_ input: SiteInput) -> ChartModel? {
        var points: [(day: Int, label: String, at: String, skill: Int, score: Double)] = []
        for (index, skill) in input.skills.enumerated() {
            for point in skill.history where point.score.isFinite {
                let day = String(point.at.prefix(10))
                guard let number = Formatting.dayNumber(day) else { continue }
                points.append((number, day, point.at, index, point.score))
            }
        }
        guard !points.isEmpty else { return nil }
        points.sort { ($0.day, $0.at, $0.skill) < ($1.day, $1.at, $1.skill) }
        var latest = [Double?](repeating: nil, count: input.skills.count)
        var chartPoints: [LineChart.Point] = []
        for (offset, point) in points.enumerated() {
            latest[point.skill] = point.score
            guard offset == points.count - 1 || points[offset + 1].day != point.day else { continue }
            let scored = latest.compactMap { $0 }
            let mean = scored.reduce(0, +) / Double(max(1, scored.count))
            chartPoints.append(LineChart.Point(x: Double(point.day), label: point.label, value: mean))
        }
        return LineChart.make(
            id: "score-trend", title: "Mean score over time", yLabel: "score", points: chartPoints, maximum: 100,
            threshold: input.scorecards?.threshold, thresholdLabel: "gate threshold")
    }

    /// Current scores in ten buckets.
    static func distribution(_ input: SiteInput) -> ChartModel? {
        let scores = input.skills.compactMap(\.score).filter(\.isFinite)
        guard !scores.isEmpty else { return nil }
        var buckets = Array(repeating: 0.0, count: 10)
        for score in scores { buckets[min(9, max(0, Int(saturating: score / 10)))] += 1 }
        let labels = (0..<10).map { "\($0 * 10)–\($0 == 9 ? 100 : $0 * 10 + 9)" }
        return BarChart.make(id: "distribution", title: "Score distribution (skills per score band)",
                             yLabel: "skills", labels: labels, values: buckets)
    }
}
