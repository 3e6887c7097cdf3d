import Foundation

/// The answers `skillex init` was given as flags (nil: ask, or use the default).
struct InitFlags {
    var repoPath = "."
    var name: String?
    var skillsDir: String?
    var manifest: String?
    var ci: String?
    var skill: String?
    var description: String?
    var readme: Bool?

    /// `url`'s path relative to the working directory when inside it, for messages.
    static func display(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
