import Foundation

/// Follows the live event log like `tail -f`: each `poll()` returns the complete lines written
/// since the last one, and starts over when the file is rotated or truncated.
public final class EventTail {
    private let url: URL
    private var offset: Int64
    private var inode: UInt64
    private var partial: [UInt8] = []

    /// A tail starting at the current end of `log`'s live file.
    public init(log: EventLog) {
        url = log.url
        let (size, node) = EventTail.stat(log.url)
        offset = size
        inode = node
    }

    /// Events appended since the last poll (whole lines only; a line being written waits).
    public func poll() -> [Event] {
        let (size, node) = EventTail.stat(url)
        if node != inode || size < offset {
            (offset, inode, partial) = (0, node, [])
        }
        guard size > offset, let handle = try? FileHandle(forReadingFrom: url) else { return [] }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: UInt64(offset))) != nil,
            let data = try? handle.read(upToCount: Int(size - offset))
        else { return [] }
        offset += Int64(data.count)
        partial += data
        var events: [Event] = []
        while let newline = partial.firstIndex(of: 0x0A) {
            let line = String(decoding: partial[..<newline], as: UTF8.self)
            partial.removeSubrange(...newline)
            if let event = EventLineParser.parse(line) { events.append(event) }
        }
        return events
    }

    private static func stat(_ url: URL) -> (Int64, UInt64) {
        var info = Foundation.stat()
        guard lstat(url.path, &info) == 0 else { return (0, 0) }
        return (Int64(info.st_size), UInt64(info.st_ino))
    }
}
