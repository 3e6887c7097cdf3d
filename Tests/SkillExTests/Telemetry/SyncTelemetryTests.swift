import Foundation
import Testing
@testable import SkillEx
import SkillExTestSupport

/// Collects events a sync emits.
private final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Event] = []
    func add(_ event: Event) { lock.withLock { items.append(event) } }
    var events: [Event] { lock.withLock { items } }
}

@Suite struct SyncTelemetryTests {
    @Test func syncEmitsRunAndSkillEventsWithDurations() throws {
        let root = try TelemetryFixtures.tempFolder().appendingPathComponent("hub")
        try TrackedCopy.copy("examples/hub", to: root)
        let workspace = Workspace(root: root, clock: .fixed(TelemetryFixtures.start))
        let recorder = Recorder()
        let bus = Telemetry(clock: workspace.clock)
        bus.attach(id: "recorder") { recorder.add($0) }
        let manifest = try ManifestStore.load(workspace.manifestURL)
        let (result, _) = try Syncer(workspace: workspace, telemetry: bus).sync(manifest)
        let events = recorder.events
        let skillStarts = events.filter { $0.type == .started && $0.scope == .skill }
        #expect(skillStarts.count == result.summary.planned)
        #expect(result.summary.planned == 10)  // every skill of the example hub is new to a fresh copy
        #expect(events.first?.type == .started && events.first?.scope == .run)
        #expect(events.last?.type == (result.status == .ok ? .finished : .failed))
        let failed = events.filter { $0.type == .failed && $0.scope == .skill }
        #expect(failed.map(\.skill) == ["Meeting_Notes"])  // the example hub's one invalid skill
        #expect(failed.count == result.results.filter { $0.status == .failed }.count)
        #expect(failed.allSatisfy { $0.error?.reason.isEmpty == false && $0.measurements["duration_ms"] != nil })
        let validated = events.filter { $0.type == .validated }
        #expect(validated.count == result.summary.validated && validated.count == 9)
        #expect(validated.allSatisfy { $0.measurements["duration_ms"] != nil && ($0.measurements["bytes"] ?? 0) > 0 })
        #expect(events.filter { $0.type == .synced }.count == result.summary.copied && result.summary.copied == 9)
        #expect(Set(events.map(\.runID)) == [bus.runID])
    }
}
