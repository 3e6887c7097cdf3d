public import Foundation

/// The answers `skillex init` proposes before anyone types: what Enter accepts.
public enum OnboardingDefaults {
    /// The repository folder's name with characters a repository name cannot hold turned into '-'.
    public static func name(for repository: URL) -> String {
        let base = repository.standardizedFileURL.lastPathComponent
        var name = String(String.UnicodeScalarView(base.unicodeScalars.map { OnboardingRules.isPlainScalar($0) ? $0 : "-" }))
        while name.hasPrefix(".") || name.hasPrefix("-") { name.removeFirst() }
        return name.isEmpty ? "repository" : name
    }

    /// The detected skills folder, else `.claude/skills`.
    public static func skillsDir(for repository: URL) -> String {
        SkillsFolderDetector.detect(in: repository) ?? RepositoryEntry.defaultSkillsDir
    }

    /// `manifest.json` in `workingDirectory` when it exists, else the nearest one in the
    /// repository's parent folders, else `workingDirectory/manifest.json`.
    public static func manifest(workingDirectory: URL, repository: URL) -> URL {
        let here = workingDirectory.appendingPathComponent("manifest.json")
        if FileManager.default.fileExists(atPath: here.path) { return here }
        var folder = repository.standardizedFileURL.deletingLastPathComponent()
        while folder.path != "/" && !folder.path.isEmpty {
            let candidate = folder.appendingPathComponent("manifest.json")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return here
    }

    /// The CI systems the repository already uses (`.github/`, `.gitlab-ci.yml`, `.buildkite/`),
    /// else GitHub Actions.
    public static func ci(for repository: URL) -> [CISystem] {
        let fm = FileManager.default
        var found: [CISystem] = []
        if fm.fileExists(atPath: repository.appendingPathComponent(".github").path) { found.append(.github) }
        if fm.fileExists(atPath: repository.appendingPathComponent(".gitlab-ci.yml").path) { found.append(.gitlab) }
        if fm.fileExists(atPath: repository.appendingPathComponent(".buildkite").path) { found.append(.buildkite) }
        return found.isEmpty ? [.github] : found
    }

    /// The repository's README file name (an existing README.md in any case, else README.md).
    public static func readme(in repository: URL) -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: repository.path)) ?? []
        return names.sorted().first { $0.lowercased() == "readme.md" } ?? "README.md"
    }

    /// `repository` as the manifest's `path`: relative to the manifest's folder when inside it,
    /// else absolute.
    public static func manifestPath(of repository: URL, manifest: URL) -> String {
        let repo = repository.standardizedFileURL.resolvingSymlinksInPath().path
        let hub = manifest.standardizedFileURL.resolvingSymlinksInPath().deletingLastPathComponent().path
        if repo == hub { return "." }
        let prefix = hub.hasSuffix("/") ? hub : hub + "/"
        if repo.hasPrefix(prefix) { return String(repo.dropFirst(prefix.count)) }
        return repo
    }
}
