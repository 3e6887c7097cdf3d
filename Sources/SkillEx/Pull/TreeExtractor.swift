import Foundation

/// Writes checked archive entries into a folder (never outside it): files with 0644, or 0755
/// when the entry has an execute bit.
enum TreeExtractor {
    /// Extracts the entries `include` accepts from `reader` under `root`.
    static func extract(
        _ reader: ZipReader, into root: URL, file: String, include: (ZipEntryInfo) -> Bool = { _ in true }
    ) throws {
        let fm = FileManager.default
        for entry in reader.entries where include(entry) {
            let url = root.appendingPathComponent(entry.name)
            if entry.isDirectory {
                try fm.createDirectory(at: url, withIntermediateDirectories: true)
                continue
            }
            let bytes: Data
            do { bytes = try reader.contents(of: entry) } catch {
                throw PullError.badArchive(file: file, reason: error.description)
            }
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try write(bytes, to: url, mode: entry.isExecutable ? 0o755 : 0o644)
        }
    }

    private static func write(_ data: Data, to url: URL, mode: mode_t) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw FileBytes.posixError(url.path) }
        defer { close(fd) }
        try data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let written = Foundation.write(fd, raw.baseAddress?.advanced(by: done), raw.count - done)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileBytes.posixError(url.path)
                }
                done += written
            }
        }
        fchmod(fd, mode)
    }
}
