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

    /// Decodes the log in chunks on every core.
    private static func read(_ url: URL) -> (events: [EventRecord]?, unreadable: Int) {
        guard let data = try? Data(contentsOf: url) else { return (nil, 0) }
        let lines = data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }
        let size = max(256, lines.count / 16 + 1)
        let chunks = stride(from: 0, to: lines.count, by: size).map { Array(lines[$0..<min($0 + size, lines.count)]) }
        let decoded = ParallelMap.map(chunks) { chunk -> ([EventRecord], Int) in
            // Lines SkillEx wrote go through the byte-level event parser; anything else (older or
            // foreign lines) through JSONDecoder, line by line.
            let decoder = JSONDecoder()
            var events: [EventRecord] = []
            events.reserveCapacity(chunk.count)
            var unreadable = 0
            for line in chunk {
                if let event = line.withUnsafeBytes({ Event(jsonLine: $0) }) {
                    events.append(EventRecord(event))
                } else if let record = try? decoder.decode(EventRecord.self, from: Data(line)) {
                    events.append(record)
                } else {
                    unreadable += 1
                }
            }
            return (events, unreadable)
        }
        return (decoded.flatMap(\.0), decoded.reduce(0) { $0 + $1.1 })
    }
}
