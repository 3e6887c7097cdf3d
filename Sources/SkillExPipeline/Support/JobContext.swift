public import SkillEx

/// What every job runs in: the hub, the bus its events go on (when the caller wires one) and
/// where its warnings go. The library never prints: a warning is one whole line handed to
/// `warn`, which the CLI writes to stderr.
public struct JobContext: Sendable {
    /// The hub.
    public var workspace: Workspace
    /// The bus every stage emits on; nil emits nothing.
    public var telemetry: Telemetry?
    /// Receives each warning line (e.g. `skillex: warning: webhook … failed`).
    public var warn: @Sendable (String) -> Void

    /// A context for `workspace`.
    public init(
        workspace: Workspace, telemetry: Telemetry? = nil, warn: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.workspace = workspace
        self.telemetry = telemetry
        self.warn = warn
    }
}
