public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so a reader sees the old content or the new, never a mix — after a crash too.
///
/// The bytes go to a temp file `.<name>.tmp-<UUID>` beside the target, are flushed to disk
/// (`fsync`), and the temp file is renamed over the target; then the folder is flushed, so after
/// a power loss the name points at complete new bytes or complete old ones. A run killed before
/// the rename leaves only the hidden temp file, which the next locked run sweeps
/// (`WorkspaceRecovery`). Caches that are cheap to rebuild pass `durable: false`.
public enum AtomicFile {
    /// The prefix-free marker of temp names: `.<name>.tmp-<UUID>`.
    public static let tempMarker = ".tmp-"

    /// Writes `data` to a temporary file beside `url`, flushes it, then renames it over `url`.
    public static func write(_ data: Data, to url: URL, durable: Bool = true) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temp = tempURL(for: url)
        do {
            try writeFile(data, to: temp.path, naming: url.path, durable: durable)
            try replace(url, with: temp, durable: durable)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
    }

    /// A fresh temp name beside `url`.
    public static func tempURL(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent)\(tempMarker)\(UUID().uuidString)")
    }

    /// Renames `temp` over `destination` in one step (POSIX `rename`); with `durable`, flushes
    /// the folder afterwards so the new name survives a power loss.
    public static func replace(_ destination: URL, with temp: URL, durable: Bool = false) throws {
        if rename(temp.path, destination.path) != 0 {
            throw posixError(errno, path: destination.path)
        }
        if durable { syncFolder(of: destination.path) }
    }

    /// Flushes the file at `path` to disk (used before renaming a temp file written elsewhere).
    public static func flush(_ url: URL) throws {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw posixError(errno, path: url.path) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw posixError(errno, path: url.path) }
    }

    /// Writes `data` to `path`; errors name `label` (the file the user knows, not the temp).
    private static func writeFile(_ data: Data, to path: String, naming label: String, durable: Bool) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw posixError(errno, path: label) }
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(fd, raw.baseAddress?.advanced(by: offset), raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, durable, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw posixError(failure, path: label) }
    }

    /// Flushes the folder holding `path` (its entry names); errors are ignored, as some file
    /// systems cannot sync folders.
    private static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// `path: reason` as a Foundation error (one line, naming the file).
    static func posixError(_ code: Int32, path: String) -> CocoaError {
        CocoaError(
            .fileWriteUnknown,
            userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "\(path): \(String(cString: strerror(code)))"])
    }
}
