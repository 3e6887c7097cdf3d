/// What a sync did, in the shape SkillEx v0.1 printed, plus per-skill results.
public struct SyncResult: Sendable, Codable, Equatable {
    /// `ok` when nothing failed, `error` otherwise (as v0.1).
    public var status: SyncStatus
    /// Counts and errors (v0.1's `summary`, plus `skipped` and `removed`).
    public var summary: Summary
    /// The skills folder.
    public var target: String
    /// The version given with `--version`, if any.
    public var version: String?
    /// True when nothing was written.
    public var dryRun: Bool
    /// One entry per skill seen, in repository then name order.
    public var results: [SkillOutcome]
    /// One entry per git source (repositories with `git`), when the manifest has any.
    public var sources: [GitSourceReport]?

    /// v0.1's summary block, extended.
    public struct Summary: Sendable, Codable, Equatable {
        /// Skills found in the repositories.
        public var planned: Int
        /// Skills copied into the skills folder (new or changed).
        public var copied: Int
        /// Skills that passed validation (copied or unchanged).
        public var validated: Int
        /// Every error, per repository or per skill.
        public var errors: [SyncIssue]
        /// When the sync ran.
        public var timestamp: String
        /// Skills left alone because their checksum did not change.
        public var skipped: Int
        /// Skills pruned because they disappeared from their repository.
        public var removed: Int
    }

    private enum CodingKeys: String, CodingKey {
        case status, summary, target, version, dryRun = "dry_run", results, sources
    }
}

/// What happened to one skill.
public struct SkillOutcome: Sendable, Codable, Equatable {
    /// `copied`, `skipped`, `failed` or `removed` (`would_copy` in a dry run).
    public var status: SkillSyncStatus
    /// Source repository.
    public var repo: String
    /// Skill folder name.
    public var skill: String
    /// The checksum, when computed.
    public var checksum: String?
    /// Bytes in the skill's files, when read.
    public var bytes: Int64?
    /// Milliseconds spent on the skill.
    public var durationMs: Double?
    /// Why it failed.
    public var error: SyncIssue?

    private enum CodingKeys: String, CodingKey {
        case status, repo, skill, checksum, bytes, durationMs = "duration_ms", error
    }
}

/// One error of a sync, for a repository or a skill.
public struct SyncIssue: Sendable, Codable, Equatable, DescribedError {
    /// Machine-readable code: `missing_repo`, `missing_skills_dir`, `invalid_skill`, …
    public var reason: String
    /// The repository concerned.
    public var repo: String
    /// The skill concerned, for per-skill errors.
    public var skill: String?
    /// The file or folder concerned.
    public var path: String
    /// One-line explanation.
    public var message: String
    /// Spec findings, for `invalid_skill`.
    public var findings: [SpecFinding]?
    /// Captured validator output (truncated), for `validator_failed`.
    public var output: String?

    /// `path: message`, one line.
    public var description: String { "\(path): \(message)" }

    /// An issue value.
    public init(
        reason: String, repo: String, skill: String? = nil, path: String, message: String,
        findings: [SpecFinding]? = nil, output: String? = nil
    ) {
        self.reason = reason
        self.repo = repo
        self.skill = skill
        self.path = path
        self.message = message
        self.findings = findings
        self.output = output
    }
}
