import Foundation
import SkillEx

/// Writes files only when their bytes change, so an incremental build leaves them (and their
/// modification times) alone.
enum ChangedFile {
    /// Writes `bytes` to `url` atomically unless it already holds them; true when written.
    static func write(_ bytes: Data, to url: URL) throws -> Bool {
        if let current = try? Data(contentsOf: url), current == bytes { return false }
        try AtomicFile.write(bytes, to: url, durable: false)  // like the pages: the site can be rebuilt
        return true
    }

    /// Removes every entry of `folder` whose name is not in `keep`; returns how many went.
    static func removeAll(in folder: URL, except keep: Set<String>) throws -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var removed = 0
        for name in names.sorted() where !keep.contains(name) {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            removed += 1
        }
        return removed
    }
}
