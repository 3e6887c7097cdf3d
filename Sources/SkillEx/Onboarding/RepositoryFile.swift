import Foundation

/// Where `skillex init` reads and writes a repository file: its real location (every symlink
/// on the way resolved), which must lie inside the repository's real path, so a symlinked
/// `.github`, README or `.skillex` cannot take a read or a write elsewhere.
enum RepositoryFile {
    /// Most bytes init reads from one repository file.
    static let readLimit = 16 << 20

    /// The real location of `relative` inside `repository` (missing components appended).
    static func resolve(_ relative: String, in repository: URL) throws(OnboardingError) -> URL {
        guard let root = RealPath.of(repository.path) else {
            throw .unreadable(path: repository.path, reason: "cannot resolve the repository's real path")
        }
        let path = repository.appendingPathComponent(relative).path
        guard let real = RealPath.resolvingExisting(path) else {
            throw .unreadable(path: relative, reason: "is or passes through a symlink that leads nowhere (not followed)")
        }
        guard real != root, RealPath.isInside(real, root: root) else {
            throw .unreadable(path: relative, reason: "leads to \(real), outside the repository (not followed)")
        }
        return URL(fileURLWithPath: real)
    }

    /// The bytes at `url` (a resolved location), nil when nothing is there; errors name `relative`.
    static func read(_ url: URL, naming relative: String) throws(OnboardingError) -> Data? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        do { return try BoundedFile.read(url.path, limit: readLimit) } catch {
            throw .unreadable(path: relative, reason: error.description)
        }
    }
}
