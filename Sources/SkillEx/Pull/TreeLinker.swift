import Foundation

/// Fast POSIX tree operations for pulls: a hard-linked staging copy, and removal.
///
/// Linking is safe because a pull never writes into an existing file: skills are removed and
/// written anew, and the pack index is replaced by rename.
enum TreeLinker {
    /// Recreates `source`'s folders under `destination` and hard-links its files; copies a file
    /// when linking is not possible (another file system). Symlinks are refused.
    static func link(_ source: URL, to destination: URL) throws {
        try link(folder: source.path, to: destination.path)
    }

    /// Removes `url` and everything under it; nothing happens when it does not exist.
    static func remove(_ url: URL) {
        remove(path: url.path)
    }

    // MARK: - POSIX walks

    private static func names(in folder: String) throws -> [String] {
        guard let dir = opendir(folder) else { throw FileBytes.posixError(folder) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    private static func link(folder: String, to destination: String) throws {
        guard mkdir(destination, 0o755) == 0 || errno == EEXIST else { throw FileBytes.posixError(destination) }
        for name in try names(in: folder) {
            let from = folder + "/" + name, to = destination + "/" + name
            var info = stat()
            guard lstat(from, &info) == 0 else { throw FileBytes.posixError(from) }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: try link(folder: from, to: to)
            case S_IFREG:
                if Foundation.link(from, to) != 0 {
                    try FileManager.default.copyItem(atPath: from, toPath: to)
                }
            default:
                throw PullError.badTarget(path: from, reason: "not a regular file or folder")
            }
        }
    }

    private static func remove(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            for name in (try? names(in: path)) ?? [] { remove(path: path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
