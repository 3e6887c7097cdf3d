import Foundation

/// Collects event lines and appends them to the log in batches: one locked write per batch
/// instead of one per event (a sync of 1,000 skills emits ~3,000 events).
///
/// A batch is written when it holds `maxLines` lines, when its oldest line is `maxAge`
/// seconds old, and on `flush()` (the bus flushes when a stage ends and when it is released).
/// A kill loses at most the lines of the open batch; the log itself stays line-intact.
final class BufferedEventSink: @unchecked Sendable {
    private let log: EventLog
    private let maxLines: Int
    private let maxAge: TimeInterval
    private let lock = NSLock()
    private var lines: [String] = []
    private var oldest = Date.distantFuture

    init(log: EventLog, maxLines: Int = 512, maxAge: TimeInterval = 0.25) {
        self.log = log
        self.maxLines = maxLines
        self.maxAge = maxAge
    }

    /// Buffers `event`; writes the batch when it is full or old enough.
    func add(_ event: Event) throws {
        let line = EventLineWriter.line(event)
        let batch: [String]? = lock.withLock {
            if lines.isEmpty { oldest = Date() }
            lines.append(line)
            guard lines.count >= maxLines || Date().timeIntervalSince(oldest) >= maxAge else { return nil }
            defer { lines.removeAll(keepingCapacity: true) }
            return lines
        }
        if let batch { try log.append(lines: batch) }
    }

    /// Writes whatever is buffered.
    func flush() throws {
        let batch = lock.withLock {
            defer { lines.removeAll(keepingCapacity: true) }
            return lines
        }
        try log.append(lines: batch)
    }
}
