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

    /// Decodes the log in chunks on every core, each chunk as one JSON array (one decoder call
    /// per chunk, not per line); a chunk that does not decode line for line is redone per line.
    private static func read(_ url: URL) -> (events: [EventRecord]?, unreadable: Int) {
        guard let data = try? Data(contentsOf: url) else { return (nil, 0) }
        let lines = data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }
        let size = max(256, lines.count / 16 + 1)
        let chunks = stride(from: 0, to: lines.count, by: size).map { Array(lines[$0..<min($0 + size, lines.count)]) }
        let decoded = ParallelMap.map(chunks) { chunk -> ([EventRecord], Int) in
            var joined = Data("[".utf8)
            for (index, line) in chunk.enumerated() {
                if index > 0 { joined.append(UInt8(ascii: ",")) }
                joined.append(line)
            }
            joined.append(UInt8(ascii: "]"))
            let decoder = JSONDecoder()
            if let events = try? decoder.decode([EventRecord].self, from: joined), events.count == chunk.count {
                return (events, 0)
            }
            var events: [EventRecord] = []
            var unreadable = 0
            for line in chunk {
                if let event = try? decoder.decode(EventRecord.self, from: Data(line)) {
                    events.append(event)
                } else {
                    unreadable += 1
                }
            }
            return (events, unreadable)
        }
        return (decoded.flatMap(\.0), decoded.reduce(0) { $0 + $1.1 })
    }
}
