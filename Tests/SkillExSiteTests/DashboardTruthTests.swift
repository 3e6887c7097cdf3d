import Foundation
import SkillEx
import Testing

@testable import SkillExSite

/// The dashboard's numbers against a hand-written event log whose folds are worked out by hand
/// below each day.
@Suite("Dashboards tell the truth")
struct DashboardTruthTests {
    /// Three days of real-shaped events (2025-10-03 has none):
    /// - 10-01, sync r1: run `started`; a `started` + `validated`; b `started` + `failed` (invalid);
    ///   run `failed`. Ingested 4 (run started, a started, a validated, b started); checked 2
    ///   (a validated, b failed), passed 1: 50%.
    /// - 10-02, package r2: `packaged` for a and b (scope skill), then the run's `packaged` with
    ///   skills 2. Throughput 2 (not 4); nothing checked: no pass rate (not 0%).
    /// - 10-04, sync r3: run `started`; a and c `started` + `validated`; an anomaly. Ingested 5,
    ///   checked 2, passed 2: 100%.
    static let log = """
        {"type":"started","scope":"run","time":"2025-10-01T09:00:00Z","run_id":"r1","metadata":{"command":"sync"}}
        {"type":"started","scope":"skill","time":"2025-10-01T09:00:01Z","run_id":"r1","repo":"acme","skill":"a","metadata":{"command":"sync"}}
        {"type":"validated","scope":"skill","time":"2025-10-01T09:00:02Z","run_id":"r1","repo":"acme","skill":"a","metadata":{"command":"sync","status":"checked"}}
        {"type":"started","scope":"skill","time":"2025-10-01T09:00:03Z","run_id":"r1","repo":"acme","skill":"b","metadata":{"command":"sync"}}
        {"type":"failed","scope":"skill","time":"2025-10-01T09:00:04Z","run_id":"r1","repo":"acme","skill":"b","metadata":{"command":"sync"},"error":{"reason":"invalid_name","message":"name: must be lowercase"}}
        {"type":"failed","scope":"run","time":"2025-10-01T09:00:05Z","run_id":"r1","measurements":{"skills":2},"metadata":{"command":"sync"},"error":{"reason":"sync_failed","message":"1 errors"}}
        {"type":"packaged","scope":"skill","time":"2025-10-02T10:00:00Z","run_id":"r2","repo":"acme","skill":"a","metadata":{"command":"package","version":"0.1.0"}}
        {"type":"packaged","scope":"skill","time":"2025-10-02T10:00:00Z","run_id":"r2","repo":"acme","skill":"b","metadata":{"command":"package","version":"0.1.0"}}
        {"type":"packaged","scope":"run","time":"2025-10-02T10:00:01Z","run_id":"r2","measurements":{"skills":2,"bytes":900},"metadata":{"command":"package","version":"0.1.0","strategy":"full"}}
        {"type":"started","scope":"run","time":"2025-10-04T08:00:00Z","run_id":"r3","metadata":{"command":"sync"}}
        {"type":"started","scope":"skill","time":"2025-10-04T08:00:01Z","run_id":"r3","repo":"acme","skill":"a","metadata":{"command":"sync"}}
        {"type":"validated","scope":"skill","time":"2025-10-04T08:00:02Z","run_id":"r3","repo":"acme","skill":"a","metadata":{"command":"sync"}}
        {"type":"started","scope":"skill","time":"2025-10-04T08:00:03Z","run_id":"r3","repo":"acme","skill":"c","metadata":{"command":"sync"}}
        {"type":"validated","scope":"skill","time":"2025-10-04T08:00:04Z","run_id":"r3","repo":"acme","skill":"c","metadata":{"command":"sync"}}
        {"type":"anomaly","scope":"run","time":"2025-10-04T08:00:05Z","run_id":"r3","metadata":{"message":"spike"}}

        """

    static func summary() -> EventSummary {
        let (events, unreadable) = EventSummaryCache.decode(Data(log.utf8))
        #expect(unreadable == 0 && events.count == 15)
        var summary = EventSummary()
        var kinds = EventKinds()
        summary.add(events, kinds: &kinds)
        return summary
    }

    @Test("daily series: failed skills count against the pass rate, a day without checks is a gap, packs count once")
    func series() {
        let series = DashboardPage.DailySeries(Self.summary())
        #expect(series.days == ["2025-10-01", "2025-10-02", "2025-10-04"])
        #expect(series.numbers == [20362, 20363, 20365])
        #expect(series.ingested == [4, 0, 5])
        #expect(series.validated == [2, 0, 2])
        #expect(series.packaged == [0, 2, 0])
        #expect(series.flagged == [2])
        #expect(series.passRate.map(\.value) == [50, nil, 100])
    }

    @Test("the pass-rate chart draws no 0% point and no line across the gap")
    func passRateChart() {
        let series = DashboardPage.DailySeries(Self.summary())
        let chart = LineChart.make(
            id: "p", title: "Pass", yLabel: "%", points: series.passRate, maximum: 100, unit: "%", joinWithin: 1)
        // x: days 0, 1 and 3 of a 3-day span over 580 px from 48; y: 200 - rate × 1.84.
        #expect(chart.dots.map(\.x) == ["48", "628"])
        #expect(chart.dots.map(\.y) == ["108", "16"])
        #expect(chart.lines.isEmpty)
        #expect(chart.summary == "Pass: 2025-10-01 50%; 2025-10-02 no data; 2025-10-04 100% (flagged).")
        #expect(chart.dots.map(\.flagged) == [false, true])  // the anomaly day
    }

    @Test("throughput bars sit at their dates and count each pack once")
    func throughputChart() {
        let series = DashboardPage.DailySeries(Self.summary())
        let chart = BarChart.daily(
            id: "t", title: "Packed", yLabel: "skills", days: series.numbers, labels: series.days, values: series.packaged)
        // 4 day slots of 145 px; bars are 101.5 wide (centres 120.5, 265.5, 555.5) and full height.
        #expect(chart.bars.map(\.x) == ["69.8", "214.8", "504.8"])
        #expect(chart.bars.map(\.height) == ["0", "184", "0"])
        #expect(chart.yTicks.last?.label == "2")
        #expect(chart.summary == "Packed: 2025-10-01 0; 2025-10-02 2; 2025-10-04 0.")
    }

    @Test("the built dashboard page shows the hand-folded numbers, and no unreadable-line note for a clean log")
    func page() throws {
        let fixture = try SiteFixture()
        try fixture.write(".skillex/events.jsonl", Self.log)
        let page = try #require(try fixture.build().0.text("dashboard.html"))
        #expect(page.contains("<desc id=\"pass-rate-desc\">Validation pass rate per day: 2025-10-01 50%; 2025-10-02 no data; 2025-10-04 100% (flagged).</desc>"))
        #expect(page.contains("<desc id=\"throughput-desc\">Packaging throughput (skills packaged per day): 2025-10-01 0; 2025-10-02 2; 2025-10-04 0 (flagged).</desc>"))
        #expect(page.contains("<p>15 events. Days with an anomaly"))
        #expect(!page.contains("could not be read"))
    }

    @Test("the mean score carries each skill's latest score forward, plotted by date, with the threshold")
    func scoreTrend() throws {
        let fixture = try SiteFixture()
        // pdf: 60 on 10-01, 80 on 10-03. evil: 40 then 50 on 10-02, 50 again on 10-04.
        // Means at each day's end: 60; (60+50)/2 = 55; (80+50)/2 = 65; 65 (unchanged, no new dot).
        try fixture.write("manifest.json", """
            {"version": 2, "repositories": [], "skills": [
              {"name": "pdf", "source_repo": "acme", "target_path": "skills/acme/pdf", "checksum": "c1",
               "score_history": [{"at": "2025-10-01T12:00:00Z", "score": 60}, {"at": "2025-10-03T12:00:00Z", "score": 80}]},
              {"name": "evil", "source_repo": "acme", "target_path": "skills/acme/evil", "checksum": "c2",
               "score_history": [{"at": "2025-10-02T08:00:00Z", "score": 40}, {"at": "2025-10-02T13:00:00Z", "score": 50},
                                 {"at": "2025-10-04T09:00:00Z", "score": 50}]}]}
            """)
        try fixture.write(".skillex/scorecards.json", #"{"threshold": 70, "skills": []}"#)
        let manifest = try ManifestStore.load(fixture.workspace.manifestURL)
        let input = try SiteInput.load(workspace: fixture.workspace, manifest: manifest)
        let chart = try #require(DashboardPage.scoreTrend(input))
        #expect(chart.summary == "Mean score over time: 2025-10-01 60; 2025-10-02 55; 2025-10-03 65 (unchanged through 2025-10-04).")
        // x = 48 + day × 580/3; y = 200 - mean × 1.84.
        #expect(chart.dots.map(\.x) == ["48", "241.3", "434.7"])
        #expect(chart.dots.map(\.y) == ["89.6", "98.8", "80.4"])
        #expect(chart.lines == ["48,89.6 241.3,98.8 434.7,80.4 628,80.4"])
        #expect(chart.threshold?.y == "71.2")
        #expect(chart.threshold?.label == "gate threshold 70")
    }

    @Test("a skill's history is plotted by time, equal runs collapse, regressions stay marked")
    func skillHistory() throws {
        let history = [
            ScoreHistoryEntry(at: "2025-10-01T00:00:00Z", score: 70, components: [:], checksum: ""), ScoreHistoryEntry(at: "2025-10-02T00:00:00Z", score: 70, components: [:], checksum: ""),
            ScoreHistoryEntry(at: "2025-10-03T00:00:00Z", score: 70, components: [:], checksum: ""), ScoreHistoryEntry(at: "2025-10-11T00:00:00Z", score: 50, components: [:], checksum: ""),
        ]
        let chart = try #require(SkillPage.historyChart("s", history, threshold: 60))
        // 10 days over 580 px: the points sit at days 0, 1, 2 and 10.
        #expect(chart.dots.map(\.x) == ["48", "628"])
        #expect(chart.dots.map(\.flagged) == [false, true])
        #expect(chart.lines == ["48,71.2 164,71.2 628,108"])
        #expect(chart.dots[0].label == "2025-10-01T00:00:00Z: 70 (unchanged through 2025-10-03T00:00:00Z)")
        #expect(chart.threshold?.y == "89.6")
        #expect(SkillPage.historyChart("s", [ScoreHistoryEntry(at: "yesterday", score: 1, components: [:], checksum: "")], threshold: nil) == nil)
    }

    @Test("x labels never leave the chart or overlap, and the last one is always shown")
    func labels() {
        let days = (0..<40).map { String(format: "2025-11-%02d", $0 % 30 + 1) }
        let chart = LineChart.make(
            id: "l", title: "L", yLabel: "y",
            points: days.enumerated().map { LineChart.Point(x: Double($0.offset), label: $0.element, value: Double($0.offset)) })
        #expect(chart.xTicks.last?.label == days.last)
        var previousEnd = -Double.infinity
        for tick in chart.xTicks {
            let x = Double(tick.position) ?? -1
            let width = XLabels.width(tick.label)
            let (from, to) = tick.anchor == "start" ? (x, x + width) : tick.anchor == "end" ? (x - width, x) : (x - width / 2, x + width / 2)
            #expect(from >= 0 && to <= Double(chart.width), "\(tick.label) at \(x) \(tick.anchor)")
            #expect(from >= previousEnd + XLabels.gap)
            previousEnd = to
        }
        #expect(chart.xTicks.last?.anchor == "end")
        let single = BarChart.make(id: "d", title: "D", yLabel: "n", labels: ["0–9"], values: [1])
        #expect(single.xTicks.map(\.position) == ["338"])
    }

    @Test("calendar days and hub-relative folders")
    func formatting() {
        #expect(Formatting.dayNumber("1970-01-01") == 0)
        #expect(Formatting.dayNumber("2000-03-01") == 11017)
        #expect(Formatting.dayNumber("2025-13-01") == nil)
        #expect(Formatting.dayNumber("2025-1-011") == nil)
        #expect(Formatting.dayNumber("+025-01-01") == nil)
        let root = URL(fileURLWithPath: "/a/hub")
        #expect(Formatting.hubRelative(URL(fileURLWithPath: "/a/hub/docs/cookbook"), root: root) == "docs/cookbook")
        #expect(Formatting.hubRelative(URL(fileURLWithPath: "/a/docs/cookbook/"), root: root) == "../docs/cookbook")
        #expect(Formatting.hubRelative(URL(fileURLWithPath: "/a/hub/x/../y"), root: root) == "y")
        #expect(Formatting.hubRelative(root, root: root) == ".")
    }
}
