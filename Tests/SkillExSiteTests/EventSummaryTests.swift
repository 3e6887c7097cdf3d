import Foundation
import SkillEx
import Testing

@testable import SkillExSite

@Suite("Event log summary")
struct EventSummaryTests {
    /// SplitMix64, so a failing log can be made again from its seed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A log of `count` random lines: every event type the pages look at, runs with and without
    /// ids, sync and other commands, failures, anomalies, measurements, and unreadable lines.
    static func randomLog(_ count: Int, _ rng: inout Seeded) -> String {
        let types = ["started", "synced", "validated", "validation.failed", "failed", "anomaly.spike", "anomaly",
                     "packaged", "finished", "sync.failed", "scored"]
        var lines: [String] = []
        for index in 0..<count {
            if Int.random(in: 0..<25, using: &rng) == 0 {
                lines.append(["not json", "{\"type\": ", "[]", ""].randomElement(using: &rng) ?? "")
                continue
            }
            var fields = ["\"type\": \"\(types.randomElement(using: &rng) ?? "x")\""]
            if Int.random(in: 0..<10, using: &rng) > 0 {
                let day = Int.random(in: 1...6, using: &rng)
                fields.append("\"time\": \"2025-10-0\(day)T00:00:\(String(format: "%02d", index % 60))Z\"")
            }
            if Int.random(in: 0..<8, using: &rng) > 0 { fields.append("\"run_id\": \"r\(Int.random(in: 0..<7, using: &rng))\"") }
            if Bool.random(using: &rng) { fields.append("\"repo\": \"acme\"") }
            if Bool.random(using: &rng) { fields.append("\"skill\": \"s\(Int.random(in: 0..<4, using: &rng))\"") }
            if Int.random(in: 0..<3, using: &rng) == 0 { fields.append("\"scope\": \"\(Bool.random(using: &rng) ? "run" : "skill")\"") }
            var metadata: [String] = []
            if Bool.random(using: &rng) { metadata.append("\"command\": \"\(["sync", "score", "package"].randomElement(using: &rng) ?? "")\"") }
            if Int.random(in: 0..<6, using: &rng) == 0 { metadata.append("\"valid\": false") }
            if Int.random(in: 0..<5, using: &rng) == 0 { metadata.append("\"message\": \"m\(index)\"") }
            if !metadata.isEmpty { fields.append("\"metadata\": {\(metadata.joined(separator: ", "))}") }
            if Int.random(in: 0..<4, using: &rng) == 0 {
                fields.append("\"measurements\": {\"skills\": \(Double(Int.random(in: 0..<9, using: &rng)) / 4), \"bytes\": 12}")
            }
            if Int.random(in: 0..<7, using: &rng) == 0 {
                fields.append("\"error\": {\"reason\": \"invalid\", \"message\": \"bad \(index)\"}")
            }
            lines.append("{" + fields.joined(separator: ", ") + "}")
        }
        return lines.joined(separator: "\n") + (Bool.random(using: &rng) ? "\n" : "")
    }

    /// What the pages used to compute from the whole list of events.
    struct Reference: Equatable {
        var recent10: [RunSummary.Row], recent20: [RunSummary.Row]
        var anomalies10: [RunSummary.AnomalyRow], anomalies50: [RunSummary.AnomalyRow]
        var failures: [RunSummary.FailureRow]
        var days: [String], flagged: Set<Int>, ingested: [Double], validated: [Double], passed: [Double], packaged: [Double]
        var count: Int, unreadable: Int

        init(_ events: [EventRecord], unreadable: Int) {
            recent10 = RunSummary.recentRuns(events, limit: 10)
            recent20 = RunSummary.recentRuns(events, limit: 20)
            anomalies10 = RunSummary.anomalies(events, limit: 10)
            anomalies50 = RunSummary.anomalies(events, limit: 50)
            failures = RunSummary.lastSyncFailures(events)
            days = Array(Set(events.compactMap(\.day))).sorted()
            let anomalyDays = Set(events.filter(\.isAnomaly).compactMap(\.day))
            let days = days
            flagged = Set(days.indices.filter { anomalyDays.contains(days[$0]) })
            func perDay(_ value: (EventRecord) -> Double?) -> [Double] {
                var sums: [String: Double] = [:]
                for event in events { if let day = event.day, let v = value(event) { sums[day, default: 0] += v } }
                return days.map { sums[$0] ?? 0 }
            }
            ingested = perDay { $0.type.contains("sync") || $0.type.contains("validat") || $0.type == "started" ? 1 : nil }
            let checks = { (event: EventRecord) in event.type.contains("validat") || (event.type == "failed" && event.isSkillScope) }
            validated = perDay { checks($0) ? 1 : nil }
            passed = perDay { event in
                guard checks(event) else { return nil }
                if event.isFailure { return 0 }
                if case .bool(false)? = event.metadata?["valid"] { return 0 }
                return 1
            }
            packaged = perDay { $0.type.contains("packag") && !$0.isSkillScope ? ($0.measurements?["skills"] ?? 0) : nil }
            count = events.count
            self.unreadable = unreadable
        }

        init(_ summary: EventSummary) {
            recent10 = summary.recentRuns(limit: 10)
            recent20 = summary.recentRuns(limit: 20)
            anomalies10 = summary.latestAnomalies(limit: 10)
            anomalies50 = summary.latestAnomalies(limit: 50)
            failures = summary.lastSyncFailures
            days = summary.sortedDays
            let tallies = days.map { summary.days[$0] ?? EventSummary.DayTally() }
            flagged = Set(tallies.indices.filter { tallies[$0].anomaly })
            ingested = tallies.map { Double(bitPattern: $0.ingested) }
            validated = tallies.map { Double(bitPattern: $0.validated) }
            passed = tallies.map { Double(bitPattern: $0.passed) }
            packaged = tallies.map { Double(bitPattern: $0.packaged) }
            count = summary.eventCount
            unreadable = summary.unreadable
        }
    }

    private func temp() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-events-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func append(_ text: Substring, to url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    @Test("a summary extended piece by piece equals one fold of the whole log and the per-event reference",
          arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func incrementalEqualsFull(seed: UInt64) throws {
        var rng = Seeded(state: seed)
        let text = Self.randomLog(Int.random(in: 1...400, using: &rng), &rng)
        let folder = try temp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("events.jsonl")
        let cache = folder.appendingPathComponent("site-events.json")
        try Data().write(to: log)
        // Appends cut at random bytes, mid-line included; a build after each one.
        var rest = Substring(text)
        while !rest.isEmpty {
            let cut = rest.index(rest.startIndex, offsetBy: Int.random(in: 1...max(1, rest.count / 3), using: &rng))
            try append(rest[..<cut], to: log)
            rest = rest[cut...]
            let partial = EventSummaryCache.summary(log: log, cache: cache)
            #expect(partial == EventSummaryCache.summary(log: log, cache: nil))
        }
        let extended = EventSummaryCache.summary(log: log, cache: cache)
        let whole = EventSummaryCache.summary(log: log, cache: nil)
        #expect(extended == whole)
        let (events, unreadable) = EventSummaryCache.decode(try Data(contentsOf: log))
        #expect(Reference(extended) == Reference(events, unreadable: unreadable))
        #expect(extended.exists)
    }

    @Test("a truncated, rewritten or replaced log is folded again from its start")
    func invalidation() throws {
        var rng = Seeded(state: 99)
        let folder = try temp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("events.jsonl")
        let cache = folder.appendingPathComponent("site-events.json")
        try Data(Self.randomLog(300, &rng).utf8).write(to: log)
        _ = EventSummaryCache.summary(log: log, cache: cache)
        // Same file, shorter content.
        let handle = try FileHandle(forWritingTo: log)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(Self.randomLog(40, &rng).utf8))
        try handle.close()
        #expect(EventSummaryCache.summary(log: log, cache: cache) == EventSummaryCache.summary(log: log, cache: nil))
        // Same file, rewritten with longer content (same inode, nothing truncated in between).
        let longer = Self.randomLog(500, &rng)
        let rewrite = try FileHandle(forWritingTo: log)
        try rewrite.write(contentsOf: Data(longer.utf8))
        try rewrite.close()
        #expect(EventSummaryCache.summary(log: log, cache: cache) == EventSummaryCache.summary(log: log, cache: nil))
        // Rotated: a new file in its place.
        try FileManager.default.removeItem(at: log)
        try Data(Self.randomLog(20, &rng).utf8).write(to: log)
        let rotated = EventSummaryCache.summary(log: log, cache: cache)
        #expect(rotated == EventSummaryCache.summary(log: log, cache: nil))
        #expect(rotated.eventCount < 25)
        // A damaged cache file is ignored.
        try Data("{not json".utf8).write(to: cache)
        #expect(EventSummaryCache.summary(log: log, cache: cache) == rotated)
        // No log: no summary, and the pages say so.
        try FileManager.default.removeItem(at: log)
        #expect(!EventSummaryCache.summary(log: log, cache: cache).exists)
    }
}
