import Foundation

extension SkillEntry {
    /// The modelled fields, by their JSON keys.
    private static let treeKeys: Set<String> = [
        "name", "source_repo", "target_path", "checksum", "packaged_at", "source_commit", "source_branch",
        "description",
    ]

    /// Reads an entry straight from its parsed JSON object, as `init(from:)` would (unknown keys
    /// kept in `extra`); nil when a field has another type, and the caller decodes the usual way
    /// (which then reports the problem).
    init?(tree: JSONValue) {
        guard case .object(let fields) = tree,
            case .string(let name)? = fields["name"], case .string(let repo)? = fields["source_repo"],
            case .string(let target)? = fields["target_path"], case .string(let checksum)? = fields["checksum"],
            let packagedAt = Self.optionalString(fields["packaged_at"]),
            let commit = Self.optionalString(fields["source_commit"]),
            let branch = Self.optionalString(fields["source_branch"]),
            let description = Self.optionalString(fields["description"])
        else { return nil }
        self.init(name: name, sourceRepo: repo, targetPath: target, checksum: checksum, packagedAt: packagedAt ?? "")
        sourceCommit = commit
        sourceBranch = branch
        self.description = description
        for (key, value) in fields where !Self.treeKeys.contains(key) { extra.values[key] = value }
    }

    /// `.some(nil)` for an absent or null field, `.some(text)` for a string, nil for anything else.
    private static func optionalString(_ value: JSONValue?) -> String?? {
        switch value {
        case nil, .null?: .some(nil)
        case .string(let text)?: .some(text)
        default: nil
        }
    }
}
