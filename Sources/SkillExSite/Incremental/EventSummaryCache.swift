package import Foundation
import SkillEx

/// Keeps the event log's `EventSummary` in `.skillex/site-events.json` with the log's identity
/// (device and inode), the byte offset it covers (always a line end), and digests of the first
/// and last 4 KiB before that offset. The next build checks those, decodes only the bytes after
/// the offset and folds them in. A log that was truncated, rotated, replaced or rewritten is
/// folded again from its first byte. A last line without its newline (still being written) is
/// folded into this build's summary but not into the stored one.
package enum EventSummaryCache {
    /// Bumped whenever what the summary holds or how it is folded changes.
    static let format = "2/\(SkillExVersion.current)"
    private static let window = 4096

    struct Stored: Codable {
        var format: String
        var device: UInt64
        var inode: UInt64
        var offset: Int
        var head: String
        var tail: String
        var summary: EventSummary
    }

    /// The summary of the log at `log`, extending the one stored at `cache` when it still
    /// describes the start of this log; stores the extended one (best effort).
    static func summary(log: URL, cache: URL?) -> EventSummary {
        let (summary, store) = fold(log: log, cache: cache)
        if let cache, let store { try? AtomicFile.write(store, to: cache) }
        return summary
    }

    /// The summary of the log at `log` (see `summary(log:cache:)`) and the bytes to store at
    /// `cache` for the next build (nil: nothing to store); writes nothing.
    static func fold(log: URL, cache: URL?) -> (EventSummary, Data?) {
        let fd = open(log.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return (EventSummary(), nil) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return (EventSummary(), nil) }
        let size = Int(info.st_size)
        let device = UInt64(info.st_dev), inode = UInt64(info.st_ino)
        var summary = EventSummary()
        summary.exists = true
        var offset = 0
        var stored: Stored?
        if let cache, let data = try? Data(contentsOf: cache),
            let previous = try? JSONTreeDecoder.decode(Stored.self, from: data),
            previous.format == format, previous.device == device, previous.inode == inode,
            previous.offset > 0, previous.offset <= size,
            windows(fd, upTo: previous.offset) == (previous.head, previous.tail)
        {
            summary = previous.summary
            offset = previous.offset
            stored = previous
        }
        guard let fresh = read(fd, from: offset, count: size - offset) else {
            // The file changed under us (cut short since fstat): fold whatever it holds now.
            guard let whole = try? Data(contentsOf: log) else { return (EventSummary(), nil) }
            var again = EventSummary()
            again.exists = true
            var kinds = EventKinds()
            let (events, unreadable) = decode(whole)
            again.add(events, kinds: &kinds)
            again.unreadable = unreadable
            return (again, nil)
        }
        let lineEnd = (fresh.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        var kinds = EventKinds()
        let (complete, badComplete) = decode(fresh.prefix(lineEnd))
        summary.add(complete, kinds: &kinds)
        summary.unreadable += badComplete
        var store: Data?
        if cache != nil, lineEnd > 0 || stored == nil {
            let covered = offset + lineEnd
            let (head, tail) = windows(fd, upTo: covered)
            let next = Stored(
                format: format, device: device, inode: inode, offset: covered, head: head, tail: tail, summary: summary)
            if covered > 0 { store = try? JSONEncoder().encode(next) }
        }
        if lineEnd < fresh.count {
            let (partial, badPartial) = decode(fresh.suffix(from: lineEnd))
            summary.add(partial, kinds: &kinds)
            summary.unreadable += badPartial
        }
        return (summary, store)
    }

    /// Digests of the first and the last `window` bytes before `end`.
    private static func windows(_ fd: Int32, upTo end: Int) -> (String, String) {
        let headCount = min(window, end)
        let tailCount = min(window, end)
        let head = read(fd, from: 0, count: headCount) ?? Data()
        let tail = read(fd, from: end - tailCount, count: tailCount) ?? Data()
        return (Digest.sha256Hex(head), Digest.sha256Hex(tail))
    }

    /// `count` bytes at `offset`; nil when they cannot all be read.
    private static func read(_ fd: Int32, from offset: Int, count: Int) -> Data? {
        guard count > 0 else { return Data() }
        var data = Data(count: count)
        let got = data.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) -> Int in
            var done = 0
            while done < count {
                let n = pread(fd, raw.baseAddress?.advanced(by: done), count - done, off_t(offset + done))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
            return done
        }
        return got == count ? data : nil
    }

    /// The events in `data` and how many lines could not be read, decoded on every core.
    package static func decode(_ data: Data) -> ([EventRecord], Int) {
        let data = Data(data)  // zero-based indices
        let ranges = LazyEventLog.lineAlignedRanges(data, parts: 16)
        let decoded = ParallelMap.map(ranges) { range -> ([EventRecord], Int) in
            data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                LazyEventLog.parse(UnsafeRawBufferPointer(rebasing: bytes[range]))
            }
        }
        return (decoded.flatMap(\.0), decoded.reduce(0) { $0 + $1.1 })
    }
}
