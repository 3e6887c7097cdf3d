import Foundation

/// Makes a staging copy of a pulled folder with hard links (no file bytes copied). Safe because
/// a pull never writes into an existing file: skills are removed and written anew, and the pack
/// index is replaced by rename.
enum TreeLinker {
    /// Recreates `source`'s folders under `destination` and hard-links its files; falls back to
    /// copying a file when linking is not possible (another file system).
    static func link(_ source: URL, to destination: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: destination, withIntermediateDirectories: true)
        guard let walker = fm.enumerator(atPath: source.path) else {
            throw PullError.badTarget(path: source.path, reason: "cannot list the folder")
        }
        for case let relative as String in walker {
            let from = source.appendingPathComponent(relative)
            let to = destination.appendingPathComponent(relative)
            var info = stat()
            guard lstat(from.path, &info) == 0 else { throw FileBytes.posixError(from.path) }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: try fm.createDirectory(at: to, withIntermediateDirectories: true)
            case S_IFREG:
                if Foundation.link(from.path, to.path) != 0 { try fm.copyItem(at: from, to: to) }
            default:
                // Pulled folders hold only files and folders; a symlink is refused, not copied.
                throw PullError.badTarget(path: from.path, reason: "not a regular file or folder")
            }
        }
    }
}
