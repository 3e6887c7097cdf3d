public import Foundation
import SkillEx

extension FuzzEntryPoints {
    /// An event log, read as `EventLog.read` reads it: the live file in small chunks (so lines
    /// straddle chunk ends), every line through the byte-level event parser.
    public static func eventLog(_ data: Data) {
        // A folder per thread (the corpus tests run in parallel); `scripts/fuzz` points TMPDIR
        // at a tmpfs, where this costs microseconds.
        let folder = scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = EventLog(folder: folder)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: log.url)
        } catch { return }
        try? log.read { _ in }
        try? LineReader.forEachLine(in: log.url, chunkSize: 7) { line in _ = EventLineParser.parse(line) }
    }
}
