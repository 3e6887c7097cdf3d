import Foundation

/// A skill's folder in an agent's skills folder: its content hash (what `--frozen` compares with
/// the lock), and its atomic replacement.
enum InstalledTree {
    /// The hash of a tree of `files`: SHA-256 over each file's path, execute bit and content
    /// SHA-256, in path-byte order. The same files on disk give the same hash.
    static func hash(_ files: [(path: String, executable: Bool, bytes: Data)]) -> String {
        var hasher = SHA256Hasher()
        for file in files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            hasher.update("\(file.path)\u{0}\(file.executable ? 1 : 0)\u{0}\(Digest.sha256Hex(file.bytes))\n")
        }
        return Digest.hex(hasher.finalize())
    }

    /// The hash of the folder at `url`, or nil when it is missing or holds anything but regular
    /// files and folders (a link, a socket): a tree that cannot be what was installed.
    static func hash(folder url: URL) -> String? {
        var files: [(path: String, executable: Bool, bytes: Data)] = []
        guard collect(url, prefix: "", into: &files) else { return nil }
        return hash(files)
    }

    private static func collect(_ folder: URL, prefix: String, into files: inout [(path: String, executable: Bool, bytes: Data)]) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return false }
        for name in names {
            let url = folder.appendingPathComponent(name)
            var info = stat()
            guard lstat(url.path, &info) == 0 else { return false }
            let path = prefix.isEmpty ? name : prefix + "/" + name
            switch info.st_mode & S_IFMT {
            case S_IFDIR: if !collect(url, prefix: path, into: &files) { return false }
            case S_IFREG:
                guard let bytes = try? Data(contentsOf: url) else { return false }
                files.append((path, info.st_mode & 0o111 != 0, bytes))
            default: return false
            }
        }
        return true
    }

    /// Puts `files` at `target` in one step: they are written into a new hidden folder beside
    /// it, which is renamed over the old one (kept aside until the rename is done). A failure
    /// before the rename leaves `target` as it was.
    static func replace(_ target: URL, with files: [SkillArtifact.File]) throws {
        let parent = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let token = UUID().uuidString
        let staged = parent.appendingPathComponent(".\(target.lastPathComponent).skillex-new-\(token)", isDirectory: true)
        let aside = parent.appendingPathComponent(".\(target.lastPathComponent).skillex-old-\(token)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: staged, withIntermediateDirectories: false)
            for file in files {
                let url = staged.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try TreeExtractor.write(file.bytes, to: url, mode: file.executable ? 0o755 : 0o644)
            }
        } catch {
            try? FileManager.default.removeItem(at: staged)
            throw error
        }
        var existing = stat()
        let hadOld = lstat(target.path, &existing) == 0
        if hadOld, rename(target.path, aside.path) != 0 {
            try? FileManager.default.removeItem(at: staged)
            throw FileBytes.posixError(target.path)
        }
        if rename(staged.path, target.path) != 0 {
            let error = FileBytes.posixError(target.path)
            if hadOld { _ = rename(aside.path, target.path) }
            try? FileManager.default.removeItem(at: staged)
            throw error
        }
        if hadOld { try? FileManager.default.removeItem(at: aside) }
    }
}
