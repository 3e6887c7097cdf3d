import Foundation

/// The manifest's `repositories[].validator_env`: the variables, beyond `PATH`, `HOME`, `LANG`
/// and `TMPDIR`, that a repository's validator may see.
enum ValidatorEnvironment {
    /// The field's key in a repository entry.
    static let key = "validator_env"

    /// The names `repo` lists (empty when absent); a malformed list is a manifest error.
    static func names(of repo: RepositoryEntry, index: Int, manifest: URL) throws(ManifestError) -> [String] {
        let names: [String]
        do { names = try repo.extra.decode([String].self, key: key) ?? [] } catch {
            throw .invalidField(
                path: manifest.path, field: "repositories[\(index)].\(key)",
                reason: "must be a list of environment variable names")
        }
        if let bad = names.first(where: { !ChildEnvironment.isValidName($0) }) {
            throw .invalidField(
                path: manifest.path, field: "repositories[\(index)].\(key)",
                reason: "'\(bad)' is not an environment variable name")
        }
        return names
    }
}
