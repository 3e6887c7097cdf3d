/// Every repository a manifest lists is missing. A sync then has nothing to copy, and a build
/// would package an empty pack: `skillex build` stops with this input error instead (exit 2).
public struct MissingRepositoriesError: DescribedError, Equatable {
    /// The manifest's path.
    public var manifest: String
    /// One issue per repository, as sync reported it.
    public var issues: [SyncIssue]

    /// One line naming the manifest and the first repositories.
    public var description: String {
        let shown = issues.prefix(3).map { "\($0.repo) (\($0.path))" }
        let more = issues.count > 3 ? " and \(issues.count - 3) more" : ""
        return "\(manifest): every repository is missing: \(shown.joined(separator: ", "))\(more); "
            + "check repositories[].path"
    }

    /// Throws when `result` found none of `manifest`'s repositories (and it lists at least one).
    public static func check(_ result: SyncResult, manifest: Manifest, path: String) throws(MissingRepositoriesError) {
        let missing = result.summary.errors.filter { $0.reason == "missing_repo" }
        let names = Set(missing.map(\.repo))
        guard !manifest.repositories.isEmpty, manifest.repositories.allSatisfy({ names.contains($0.name) }) else { return }
        throw MissingRepositoriesError(manifest: path, issues: missing)
    }
}
