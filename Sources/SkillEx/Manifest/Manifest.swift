import Foundation

/// The hub's `manifest.json`: what to collect, settings, and the generated state.
///
/// Only the core fields are modelled here; every other field (feature sections such as
/// `scoring`, `storage`, `webhooks`, `site`) is kept in `extra` and written back unchanged.
public struct Manifest: Sendable, Equatable, Codable {
    /// The manifest format SkillEx writes.
    public static let currentVersion = 2

    /// 1 for a SkillEx v0.1 manifest, 2 once SkillEx has written it.
    public var version: Int
    /// When the manifest was last generated.
    public var generatedAt: String?
    /// Repositories to collect skills from.
    public var repositories: [RepositoryEntry]
    /// Synced skills and their recorded state.
    public var skills: [SkillEntry]
    /// Names allowed to approve a gate override.
    public var maintainers: [String]?
    /// Fields SkillEx does not model, kept as they were.
    public var extra: OpenFields

    /// An empty manifest.
    public init(repositories: [RepositoryEntry] = [], skills: [SkillEntry] = []) {
        version = Self.currentVersion
        self.repositories = repositories
        self.skills = skills
        extra = OpenFields()
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case version, generatedAt = "generated_at", repositories, skills, maintainers
    }

    /// Decodes a v1 or v2 manifest; missing `skills` and `version` default to empty and 1.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
        generatedAt = try container.decodeIfPresent(String.self, forKey: .generatedAt)
        repositories = try container.decodeIfPresent([RepositoryEntry].self, forKey: .repositories) ?? []
        skills = try container.decodeIfPresent([SkillEntry].self, forKey: .skills) ?? []
        maintainers = try container.decodeIfPresent([String].self, forKey: .maintainers)
        extra = try OpenFields(from: decoder, excluding: Set(CodingKeys.allCases.map(\.rawValue)))
    }

    /// Encodes the manifest with every kept field.
    public func encode(to encoder: any Encoder) throws {
        try extra.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encodeIfPresent(generatedAt, forKey: .generatedAt)
        try container.encode(repositories, forKey: .repositories)
        try container.encode(skills, forKey: .skills)
        try container.encodeIfPresent(maintainers, forKey: .maintainers)
    }

    /// The recorded entry for `repo`/`name`, if any.
    public func skill(repo: String, name: String) -> SkillEntry? {
        skills.first { $0.sourceRepo == repo && $0.name == name }
    }
}

/// One repository listed in the manifest.
public struct RepositoryEntry: Sendable, Equatable, Codable {
    /// The repository's name; also its folder under `skills/`.
    public var name: String
    /// Path to the checkout, relative to the manifest's folder or absolute. For a git source
    /// (`git` set, no `path`), the cached checkout sync keeps under `.skillex/git/<name>/tree`.
    public var path: String
    /// A git remote to fetch the repository from instead of a local `path`.
    public var git: String?
    /// Branch, tag or full commit id of `git` to sync (the remote's default branch when absent).
    public var ref: String?
    /// The commit `ref` resolved to at the last sync (written by sync for git sources).
    public var commit: String?
    /// Folder of skills inside the repository; `.claude/skills` when absent.
    public var skillsDir: String?
    /// External validator: argv, to which the skill's path is appended.
    public var validator: [String]?
    /// Seconds the validator may run; 60 when absent.
    public var validatorTimeout: Double?
    /// Fields SkillEx does not model.
    public var extra: OpenFields

    /// The default skills folder of a repository.
    public static let defaultSkillsDir = ".claude/skills"

    /// A repository entry.
    public init(name: String, path: String, skillsDir: String? = nil, validator: [String]? = nil) {
        self.name = name
        self.path = path
        self.skillsDir = skillsDir
        self.validator = validator
        extra = OpenFields()
    }

    /// Where sync keeps the checkout of a git source named `name`, relative to the manifest.
    public static func gitCheckoutPath(name: String) -> String { ".skillex/git/\(name)/tree" }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case name, path, git, ref, commit, skillsDir = "skills_dir", validator
        case validatorTimeout = "validator_timeout"
    }

    /// Decodes an entry, keeping unknown fields. A git source (`git`) has no `path`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        git = try container.decodeIfPresent(String.self, forKey: .git)
        ref = try container.decodeIfPresent(String.self, forKey: .ref)
        commit = try container.decodeIfPresent(String.self, forKey: .commit)
        if git != nil {
            guard !container.contains(.path) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .path, in: container, debugDescription: "give either path or git, not both")
            }
            path = Self.gitCheckoutPath(name: name)
        } else {
            path = try container.decode(String.self, forKey: .path)
        }
        skillsDir = try container.decodeIfPresent(String.self, forKey: .skillsDir)
        validator = try container.decodeIfPresent([String].self, forKey: .validator)
        validatorTimeout = try container.decodeIfPresent(Double.self, forKey: .validatorTimeout)
        extra = try OpenFields(from: decoder, excluding: Set(CodingKeys.allCases.map(\.rawValue)))
    }

    /// Encodes the entry with every kept field.
    public func encode(to encoder: any Encoder) throws {
        try extra.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        if let git {
            try container.encode(git, forKey: .git)
            try container.encodeIfPresent(ref, forKey: .ref)
            try container.encodeIfPresent(commit, forKey: .commit)
        } else {
            try container.encode(path, forKey: .path)
        }
        try container.encodeIfPresent(skillsDir, forKey: .skillsDir)
        try container.encodeIfPresent(validator, forKey: .validator)
        try container.encodeIfPresent(validatorTimeout, forKey: .validatorTimeout)
    }
}

/// One synced skill as recorded in the manifest (the v0.1 fields plus SkillEx's own).
public struct SkillEntry: Sendable, Equatable, Codable {
    /// The skill's folder name (equal to its `name` when valid).
    public var name: String
    /// The repository it came from.
    public var sourceRepo: String
    /// Where it was copied, as written: v0.1's `<repo>/<skill>` (relative to the skills folder;
    /// what sync writes) or SkillEx 0.2's `skills/<repo>/<skill>`. Read it through `hubPath` or
    /// `folder(in:)`, which resolve both.
    public var targetPath: String
    /// SkillEx checksum (see `SkillChecksum`).
    public var checksum: String
    /// When this version of the skill was synced.
    public var packagedAt: String
    /// The source repository's commit, when it is a git checkout.
    public var sourceCommit: String?
    /// The source repository's branch, when it is on one.
    public var sourceBranch: String?
    /// The skill's description, for pages and search.
    public var description: String?
    /// Fields SkillEx does not model here (score history, approvals…).
    public var extra: OpenFields

    /// A skill entry.
    public init(
        name: String, sourceRepo: String, targetPath: String, checksum: String, packagedAt: String
    ) {
        self.name = name
        self.sourceRepo = sourceRepo
        self.targetPath = targetPath
        self.checksum = checksum
        self.packagedAt = packagedAt
        extra = OpenFields()
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case name, sourceRepo = "source_repo", targetPath = "target_path", checksum
        case packagedAt = "packaged_at", sourceCommit = "source_commit"
        case sourceBranch = "source_branch", description
    }

    /// Decodes an entry, keeping unknown fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        sourceRepo = try container.decode(String.self, forKey: .sourceRepo)
        targetPath = try container.decode(String.self, forKey: .targetPath)
        checksum = try container.decode(String.self, forKey: .checksum)
        packagedAt = try container.decodeIfPresent(String.self, forKey: .packagedAt) ?? ""
        sourceCommit = try container.decodeIfPresent(String.self, forKey: .sourceCommit)
        sourceBranch = try container.decodeIfPresent(String.self, forKey: .sourceBranch)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        extra = try OpenFields(from: decoder, excluding: Set(CodingKeys.allCases.map(\.rawValue)))
    }

    /// Encodes the entry with every kept field.
    public func encode(to encoder: any Encoder) throws {
        try extra.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(sourceRepo, forKey: .sourceRepo)
        try container.encode(targetPath, forKey: .targetPath)
        try container.encode(checksum, forKey: .checksum)
        try container.encode(packagedAt, forKey: .packagedAt)
        try container.encodeIfPresent(sourceCommit, forKey: .sourceCommit)
        try container.encodeIfPresent(sourceBranch, forKey: .sourceBranch)
        try container.encodeIfPresent(description, forKey: .description)
    }
}
