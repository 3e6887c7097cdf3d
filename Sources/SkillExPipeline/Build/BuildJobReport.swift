public import SkillEx

/// The stages of `skillex build`, in the order they run.
public enum BuildStage: String, Sendable, Codable, Equatable, CaseIterable {
    case sync, score, package, publish, site
}

/// What `skillex build` did, stage by stage (`skillex build --format json`, schema
/// `schemas/build-report.schema.json`).
public struct BuildJobReport: Sendable, Codable, Equatable {
    /// `problems` when any stage found one (exit 1), else `ok`.
    public var status: StageStatus
    /// One report per stage, in order.
    public var stages: [BuildStageReport]
    /// The whole build's wall time.
    public var durationMs: Double

    /// A report of `stages`.
    public init(stages: [BuildStageReport], durationMs: Double) {
        self.stages = stages
        self.durationMs = durationMs
        status = stages.allSatisfy(\.status.passed) ? .ok : .problems
    }

    enum CodingKeys: String, CodingKey {
        case status, stages, durationMs = "duration_ms"
    }
}

/// What one stage did: its status, the counts behind it and one line for people.
public struct BuildStageReport: Sendable, Codable, Equatable {
    /// Which stage.
    public var stage: BuildStage
    /// How it ended.
    public var status: StageStatus
    /// The counts that apply to the stage (the others are absent).
    public var counts: StageCounts
    /// The line `skillex build` prints after the stage's mark.
    public var summary: String
    /// Wall time of the stage.
    public var durationMs: Double
    /// package: the version dist/ ends with.
    public var version: String?
    /// package: true when a version was minted, false when dist/ already held these skills.
    public var minted: Bool?
    /// package: the skills the gate refused, as REPO/NAME.
    public var refused: [String]?
    /// publish: where dist/ went.
    public var location: String?
    /// Lines worth a warning that do not fail the stage (package: the catalog budget).
    public var warnings: [String]?

    /// A stage report; the build fills in `durationMs`.
    public init(stage: BuildStage, status: StageStatus, counts: StageCounts, summary: String) {
        self.stage = stage
        self.status = status
        self.counts = counts
        self.summary = summary
        durationMs = 0
    }

    enum CodingKeys: String, CodingKey {
        case stage, status, counts, summary, version, minted, refused, location, warnings, durationMs = "duration_ms"
    }
}

/// The counts of a stage; each stage sets the ones that apply to it.
public struct StageCounts: Sendable, Codable, Equatable {
    /// sync: skills found, copied, left unchanged, pruned; sync and site: errors / removed.
    public var planned, copied, unchanged, removed, errors: Int?
    /// score: skills scored, below the threshold without approval, with a fallen score.
    public var scored, refused, regressions: Int?
    /// package: skills in the pack; package and publish: bytes written / uploaded.
    public var skills, bytes: Int?
    /// publish: objects uploaded.
    public var uploaded: Int?
    /// site: files the site has, pages rendered, files written.
    public var files, rendered, written: Int?

    /// No counts.
    public init() {}
}

/// A stage that could not run (bad input, a held lock): the build stops there, exit 2.
public struct BuildStageError: DescribedError, Sendable {
    /// The stage.
    public var stage: BuildStage
    /// The underlying one-line reason.
    public var reason: String
    /// Stages that finished before it.
    public var completed: [BuildStageReport]
    /// `site: <reason>`.
    public var description: String { "\(stage.rawValue): \(reason)" }
}
