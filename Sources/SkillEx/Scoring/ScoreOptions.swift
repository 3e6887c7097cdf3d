import Foundation

/// What `Scorer` scores and whether it records the run.
public struct ScoreOptions: Sendable {
    /// Skills to score: `name` or `repo/name`; empty scores every skill in the manifest.
    public var skills: [String] = []
    /// Reports given on the command line, read for every repository (paths absolute or
    /// relative to `reportBase`).
    public var reports: [ReportSpec] = []
    /// Folder `reports` paths are relative to.
    public var reportBase: String = "."
    /// Reuse stored scorecards of unchanged skills (same checksum, same inputs digest).
    public var reuseStored = true

    /// Defaults: every skill, manifest reports only.
    public init() {}
}

/// Why a scoring run could not start.
public struct ScoreError: DescribedError, Equatable {
    /// One line naming the thing and the problem.
    public var description: String

    /// An error with this one-line `description`.
    public init(description: String) { self.description = description }
}
