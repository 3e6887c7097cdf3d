import Testing

@testable import SkillExSite

@Suite("Charts")
struct ChartTests {
    @Test("a line chart has a point per value, axis ticks and a text alternative")
    func line() {
        let chart = LineChart.make(
            id: "h", title: "Scores", yLabel: "score",
            points: [LineChart.Point(x: 0, label: "a", value: 50), LineChart.Point(x: 1, label: "b", value: 75, flagged: true),
                     LineChart.Point(x: 2, label: "c", value: 100)],
            maximum: 100)
        #expect(chart.dots.count == 3)
        #expect(chart.dots[1].flagged)
        #expect(chart.yTicks.map(\.label) == ["0", "25", "50", "75", "100"])
        #expect(chart.summary == "Scores: a 50; b 75 (flagged); c 100.")
        #expect(chart.lines.count == 1 && chart.lines[0].split(separator: " ").count == 3)
        #expect(chart.threshold == nil)
    }

    @Test("a bar chart scales to a nice maximum and survives empty input")
    func bars() {
        let chart = BarChart.make(id: "b", title: "Events", yLabel: "n", labels: ["x", "y"], values: [3, 7])
        #expect(chart.bars.count == 2)
        #expect(chart.yTicks.last?.label == "10")
        let empty = BarChart.make(id: "e", title: "None", yLabel: "n", labels: [], values: [])
        #expect(empty.bars.isEmpty && empty.summary == "None: no data.")
    }

    @Test("relative site paths and link normalisation")
    func paths() {
        #expect(SitePaths.relative(from: "skills/a/b/index.html", to: "skills/a/b/raw/x.sh") == "raw/x.sh")
        #expect(SitePaths.relative(from: "skills/a/b/files/r/g.md.html", to: "skills/a/b/index.html") == "../../index.html")
        #expect(SitePaths.normalize("references/../../etc/passwd") == nil)
        #expect(PathSegment.clean("..") == "~2E~2E")
        #expect(PathSegment.clean("a b/c") == "a~20b~2Fc")
    }
}
