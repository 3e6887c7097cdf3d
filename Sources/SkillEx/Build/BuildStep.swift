/// One named step of `skillex build`: a value with a name and a closure, so adding a step to
/// the pipeline is one line.
public struct BuildStep: Sendable {
    /// Shown in progress (`[2/5] site`) and in errors.
    public var name: String
    /// Does the work; returns a one-line summary and whether the step passed.
    public var run: @Sendable (inout BuildContext) async throws -> BuildStepResult

    /// A step called `name`.
    public init(_ name: String, run: @escaping @Sendable (inout BuildContext) async throws -> BuildStepResult) {
        self.name = name
        self.run = run
    }
}

/// What steps share: the workspace and the manifest as the earlier steps left it.
public struct BuildContext: Sendable {
    /// The hub.
    public var workspace: Workspace
    /// The manifest, updated by steps that change it (sync writes it back).
    public var manifest: Manifest
    /// The bus every step emits on, when the caller wires one.
    public var telemetry: Telemetry?
    /// The scoring run, once the score step has run (the gate decides from it).
    public var scoreRun: ScoreRun?

    /// A context for `workspace` starting from `manifest`.
    public init(workspace: Workspace, manifest: Manifest, telemetry: Telemetry? = nil) {
        self.workspace = workspace
        self.manifest = manifest
        self.telemetry = telemetry
    }
}

/// What one step did.
public struct BuildStepResult: Sendable, Codable, Equatable {
    /// The step's name.
    public var step: String
    /// One line for people.
    public var summary: String
    /// False when the step found a problem (the build goes on, and exits 1 at the end).
    public var ok: Bool
    /// Lines worth a warning that do not fail the step (absent when none).
    public var warnings: [String]?

    /// A result; the pipeline fills in `step`.
    public init(summary: String, ok: Bool = true, step: String = "") {
        self.step = step
        self.summary = summary
        self.ok = ok
    }
}
