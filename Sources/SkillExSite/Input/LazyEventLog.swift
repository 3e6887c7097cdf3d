import Foundation
import SkillEx
import Synchronization

/// `.skillex/events.jsonl`, read on first use: a rebuild whose event pages are reused from the
/// last build never decodes the log. Its `identity` (size, mtime, inode) stands in for its
/// content in page fingerprints.
final class LazyEventLog: Sendable {
    /// The log file.
    let url: URL
    /// Size, modification time and inode of the file; empty when there is no file.
    let identity: String
    /// Where the log's summary is kept between builds (nil: not kept).
    let cacheURL: URL?
    private let loaded = Mutex<EventSummary?>(nil)
    /// The folded summary to keep at `cacheURL`, once folded (written by `saveSummary`).
    private let toStore = Mutex<Data?>(nil)

    /// The log at `url` (only stat'ed now), its summary kept at `cacheURL`.
    init(url: URL, cacheURL: URL? = nil) {
        self.url = url
        self.cacheURL = cacheURL
        var info = stat()
        if stat(url.path, &info) == 0 {
            identity = "\(info.st_size)\u{0}\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\u{0}\(info.st_ino)\u{0}\(info.st_dev)"
        } else {
            identity = ""
        }
    }

    /// What the pages show of the log, folded on first use; only lines added since the last
    /// build are decoded (see `EventSummaryCache`).
    var summary: EventSummary {
        loaded.withLock { value in
            if let value { return value }
            let (summary, store) = EventSummaryCache.fold(log: url, cache: cacheURL)
            toStore.withLock { $0 = store }
            value = summary
            return summary
        }
    }

    /// Keeps the summary folded by this build at `cacheURL` for the next one (best effort).
    func saveSummary() {
        guard let cacheURL, let data = toStore.withLock({ value -> Data? in
            defer { value = nil }
            return value
        }) else { return }
        try? AtomicFile.write(data, to: cacheURL)
    }

    /// Splits `data` into about `parts` ranges that each begin at a line start.
    static func lineAlignedRanges(_ data: Data, parts: Int) -> [Range<Int>] {
        let count = data.count
        guard count > 0 else { return [] }
        let step = max(64 * 1024, count / parts + 1)
        var ranges: [Range<Int>] = []
        var start = 0
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            while start < count {
                var end = min(count, start + step)
                while end < count && bytes[end - 1] != UInt8(ascii: "\n") { end += 1 }
                ranges.append(start..<end)
                start = end
            }
        }
        return ranges
    }

    /// Lines SkillEx wrote go through the byte-level event parser; anything else (older or
    /// foreign lines) through JSONDecoder.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> ([EventRecord], Int) {
        var events: [EventRecord] = []
        var unreadable = 0
        var lineStart = 0
        let decoder = JSONDecoder()
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            if lineEnd > lineStart {
                let line = UnsafeRawBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                if let event = Event(jsonLine: line) {
                    events.append(EventRecord(event))
                } else if let record = try? decoder.decodeChecked(EventRecord.self, from: Data(line)) {
                    events.append(record)
                } else {
                    unreadable += 1
                }
            }
            lineStart = lineEnd + 1
        }
        return (events, unreadable)
    }
}
