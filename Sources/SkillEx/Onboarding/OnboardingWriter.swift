import Foundation

/// Writes resolved planned files: each atomically (temp file + rename), repository files first
/// and the manifest last; conflicts and unchanged files are not touched.
public enum OnboardingWriter {
    /// What happened to one file.
    public struct Outcome: Sendable, Equatable, Codable {
        /// The file's path as shown to people.
        public var path: String
        /// `created`, `updated`, `unchanged` or `kept` (a person's edit left in place).
        public var result: String
        /// Why, when there is more to say.
        public var note: String?
    }

    /// What writing `files` does (or would do, for a dry run), in order.
    public static func outcomes(_ files: [PlannedFile]) -> [Outcome] {
        files.map { file in
            let result = switch file.action {
            case .create: "created"
            case .update: "updated"
            case .unchanged: "unchanged"
            case .conflict: "kept"
            }
            return Outcome(path: file.path, result: result, note: file.note)
        }
    }

    /// Writes every created or updated file in `files`.
    public static func write(_ files: [PlannedFile]) throws(OnboardingError) {
        for file in files where file.action == .create || file.action == .update {
            do {
                let folder = file.url.deletingLastPathComponent()
                try Folders.make(folder.path)
                let temp = folder.appendingPathComponent(".\(file.url.lastPathComponent).tmp-\(UUID().uuidString)")
                do {
                    try Data(file.new.utf8).write(to: temp)
                    // Set explicitly (the umask plays no part): 0644, 0755 for scripts; a file
                    // being updated keeps its mode, never with more than 0755.
                    let mode = file.executable ? 0o755 : (existingMode(file.url).map { $0 & 0o755 } ?? 0o644)
                    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: temp.path)
                    try AtomicFile.replace(file.url, with: temp)
                } catch {
                    try? FileManager.default.removeItem(at: temp)
                    throw error
                }
            } catch {
                throw .unwritable(path: file.path, reason: ErrorText.brief(error))
            }
        }
    }

    /// The permission bits of the regular file at `url` (not followed when a symlink).
    private static func existingMode(_ url: URL) -> Int? {
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_mode & 0o7777)
    }
}
