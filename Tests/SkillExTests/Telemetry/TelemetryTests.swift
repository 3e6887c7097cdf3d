import Foundation
import Testing
@testable import SkillEx

/// Collects what a test handler received.
private final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}

@Suite struct TelemetryTests {
    private struct Broken: Error {}

    @Test func stampsTimeAndRunAndCallsHandlersInOrder() {
        let inbox = Inbox()
        let bus = Telemetry(runID: "run-1", clock: .fixed(TelemetryFixtures.start))
        bus.attach(id: "a") { inbox.add("a:\($0.type):\($0.runID):\($0.time)") }
        bus.attach(id: "b") { inbox.add("b:\($0.measurements.keys.sorted())") }
        bus.emit(Event(type: .packaged, repo: "r", skill: "s", measurements: ["bytes": 10, "bad": .nan]))
        #expect(inbox.all == ["a:packaged:run-1:\(TelemetryFixtures.time(hour: 0))", "b:[\"bytes\"]"])
    }

    @Test func aThrowingHandlerIsReportedOnceAndDetached() {
        let inbox = Inbox(), reports = Inbox()
        let bus = Telemetry(report: { reports.add($0) })
        bus.attach(id: "broken") { _ in throw Broken() }
        bus.attach(id: "ok") { inbox.add($0.type.rawValue) }
        bus.emit(Event(type: .started))
        bus.emit(Event(type: .finished))
        #expect(inbox.all == ["started", "finished"])
        #expect(reports.all.count == 1)
        #expect(reports.all.first?.contains("'broken'") == true)
        #expect(bus.handlerIDs == ["ok"])
    }

    @Test func detachStopsDelivery() {
        let inbox = Inbox()
        let bus = Telemetry()
        bus.attach(id: "x") { inbox.add($0.type.rawValue) }
        #expect(bus.detach(id: "x"))
        #expect(!bus.detach(id: "x"))
        bus.emit(Event(type: .started))
        #expect(inbox.all.isEmpty)
    }

    @Test func defaultHandlersWriteTheWorkspaceLogOnFlush() throws {
        let root = try TelemetryFixtures.tempFolder()
        let bus = Telemetry()
        bus.attachDefault(workspace: Workspace(root: root))
        bus.emit(Event(type: .validated, repo: "r", skill: "s"))
        var read: [Event] = []
        let log = EventLog(folder: root.appendingPathComponent(".skillex"))
        try log.read { read.append($0) }
        #expect(read.isEmpty, "the log handler batches until a flush")
        bus.flush()
        try log.read { read.append($0) }
        #expect(read.map(\.skill) == ["s"])
        #expect(read.first?.runID == bus.runID)
    }
}
