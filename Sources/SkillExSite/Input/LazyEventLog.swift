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
    private let loaded = Mutex<(events: [EventRecord]?, unreadable: Int)?>(nil)

    /// The log at `url` (only stat'ed now).
    init(url: URL) {
        self.url = url
        var info = stat()
        if stat(url.path, &info) == 0 {
            identity = "\(info.st_size)\u{0}\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\u{0}\(info.st_ino)\u{0}\(info.st_dev)"
        } else {
            identity = ""
        }
    }

    /// The events (nil when there is no log) and how many lines could not be read.
    var contents: (events: [EventRecord]?, unreadable: Int) {
        loaded.withLock { value in
            if let value { return value }
            let read = Self.read(url)
            value = read
            return read
        }
    }

    /// Decodes the log in byte ranges on every core: each range starts at a line start, and
    /// its lines are parsed straight from the file's bytes (no per-line copies).
    private static func read(_ url: URL) -> (events: [EventRecord]?, unreadable: Int) {
        guard let data = try? Data(contentsOf: url) else { return (nil, 0) }
        return decode(data)
    }

    /// The events in log bytes, and how many lines could not be read.
    static func decode(_ data: Data) -> (events: [EventRecord], unreadable: Int) {
        let ranges = lineAlignedRanges(data, parts: 16)
        let decoded = ParallelMap.map(ranges) { range -> ([EventRecord], Int) in
            data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                parse(UnsafeRawBufferPointer(rebasing: bytes[range]))
            }
        }
        return (decoded.flatMap(\.0), decoded.reduce(0) { $0 + $1.1 })
    }

    /// Splits `data` into about `parts` ranges that each begin at a line start.
    private static func lineAlignedRanges(_ data: Data, parts: Int) -> [Range<Int>] {
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
    private static func parse(_ bytes: UnsafeRawBufferPointer) -> ([EventRecord], Int) {
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
                } else if let record = try? decoder.decode(EventRecord.self, from: Data(line)) {
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
