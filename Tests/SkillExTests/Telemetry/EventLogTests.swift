import Foundation
import Testing
@testable import SkillEx

@Suite struct EventLogTests {
    private func events(_ count: Int, prefix: String = "s") -> [Event] {
        (0..<count).map { Event(type: .validated, repo: "r", skill: "\(prefix)\($0)", time: TelemetryFixtures.time(hour: 0), runID: "run") }
    }

    private func readAll(_ log: EventLog) throws -> (events: [Event], skipped: Int) {
        var seen: [Event] = []
        var skipped = 0
        try log.read(skipped: { _, _ in skipped += 1 }) { seen.append($0) }
        return (seen, skipped)
    }

    @Test func appendsAndReadsInOrder() throws {
        let log = EventLog(folder: try TelemetryFixtures.tempFolder())
        let written = events(50)
        for event in written { try log.append(event) }
        #expect(try readAll(log).events == written)
    }

    @Test func rotatesBySizeAndReadsAcrossFiles() throws {
        let log = EventLog(folder: try TelemetryFixtures.tempFolder(), maxBytes: 2_000, keptFiles: 50)
        let written = events(100)
        for event in written { try log.append(event) }
        #expect(log.files.count > 3)
        #expect(log.files.last == log.url)
        #expect(try readAll(log).events == written)
        for file in log.files {
            let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0
            #expect(size <= 2_000)
        }
    }

    @Test func dropsTheOldestRotatedFileBeyondTheLimit() throws {
        let log = EventLog(folder: try TelemetryFixtures.tempFolder(), maxBytes: 1_000, keptFiles: 2)
        for event in events(100) { try log.append(event) }
        #expect(log.files.count == 3)
        let kept = try readAll(log).events
        #expect(kept.count < 100 && kept.last?.skill == "s99")
    }

    @Test func skipsATornLastLineAndKeepsTheNextAppendWhole() throws {
        let log = EventLog(folder: try TelemetryFixtures.tempFolder())
        try log.append(events(1)[0])
        let handle = try FileHandle(forWritingTo: log.url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"id\":\"torn".utf8))
        try handle.close()
        #expect(try readAll(log).events.count == 1)
        #expect(try readAll(log).skipped == 1)
        try log.append(events(1, prefix: "after")[0])
        let after = try readAll(log)
        #expect(after.events.map(\.skill) == ["s0", "after0"])
        #expect(after.skipped == 1)
    }

    @Test func concurrentAppendsNeverInterleave() throws {
        let log = EventLog(folder: try TelemetryFixtures.tempFolder(), maxBytes: 20_000, keptFiles: 100)
        let big = String(repeating: "x", count: 9_000)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for index in 0..<25 {
                try? log.append(Event(
                    type: .validated, skill: "w\(worker)-\(index)", metadata: ["pad": big], time: "t", runID: "r"))
            }
        }
        let result = try readAll(log)
        #expect(result.skipped == 0)
        #expect(Set(result.events.compactMap(\.skill)).count == 200)
    }
}
