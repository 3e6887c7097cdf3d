package import Foundation

/// Writes checked archive entries into a folder (never outside it): files with 0644, or 0755
/// when the entry has an execute bit. Folders are made first, then files are inflated, checked
/// and written on every core. Every file is created new (`O_EXCL`): the staging folder of a
/// delta pull holds hard links to the target's files, and opening one of those for writing
/// would change the target itself.
package enum TreeExtractor {
    /// Extracts the entries `include` accepts from `reader` under `root`.
    package static func extract(
        _ reader: ZipReader, into root: URL, file: String, include: (ZipEntryInfo) -> Bool = { _ in true }
    ) throws {
        let entries = reader.entries.filter(include)
        var folders = Set<String>()
        for entry in entries {
            let name = entry.isDirectory ? String(entry.name.dropLast()) : entry.name
            let parent = entry.isDirectory
                ? name : name.range(of: "/", options: .backwards).map { String(name[..<$0.lowerBound]) } ?? ""
            if !parent.isEmpty { folders.insert(parent) }
        }
        for folder in folders.sorted() {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let files = entries.filter { !$0.isDirectory }
        let failures = ParallelMap.map(files) { entry -> (any Error)? in
            do {
                let bytes = try reader.contents(of: entry)
                try write(bytes, to: root.appendingPathComponent(entry.name), mode: entry.isExecutable ? 0o755 : 0o644)
                return nil
            } catch is ExistingFile {
                return PullError.badArchive(
                    file: file, reason: "entry \(ArchiveSafety.visible(entry.name)) would overwrite an existing file")
            } catch let error as ZipError {
                return PullError.badArchive(file: file, reason: error.description)
            } catch { return error }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
    }

    /// An entry names a file that is already there.
    private struct ExistingFile: Error {}

    /// Creates `url` (never opens an existing file) and writes `data` with `mode`.
    static func write(_ data: Data, to url: URL, mode: mode_t) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode)
        guard fd >= 0 else {
            if errno == EEXIST { throw ExistingFile() }
            throw FileBytes.posixError(url.path)
        }
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
