/// How a stage (or a whole build) ended.
public enum StageStatus: String, Sendable, Codable, Equatable {
    /// Done, nothing to report.
    case ok
    /// Done, but it found a problem (an invalid or refused skill, a failed upload): the build
    /// goes on and exits 1 at the end.
    case problems
    /// Not run, by design (no storage configured).
    case skipped

    /// True for `ok` and `skipped`.
    public var passed: Bool { self != .problems }
}
