/// How `Syncer.sync` behaves; the CLI's flags map one to one.
public struct SyncOptions: Sendable {
    /// Plan and report only; write nothing.
    public var dryRun = false
    /// Copy every skill even when its checksum did not change.
    public var force = false
    /// A global external validator (argv) run on every skill after the repository's own.
    public var packageScript: [String]?
    /// The version label to report.
    public var version: String?
    /// Spec reading used for built-in validation.
    public var mode: ValidationMode = .standard
    /// Seconds an external validator may run when the repository sets no limit.
    public var validatorTimeout: Double = 60

    /// Use the cached checkouts of git sources; fetch nothing.
    public var offline = false

    /// Default options.
    public init() {}
}
