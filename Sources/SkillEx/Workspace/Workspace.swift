public import Foundation

/// A hub repository on disk, and the only place the clock and environment enter the library.
public struct Workspace: Sendable {
    /// The hub's root folder (holds `manifest.json`).
    public var root: URL
    /// The manifest file.
    public var manifestURL: URL
    /// Where synced skills live (`skills/`).
    public var skillsURL: URL
    /// Where packs are written (`dist/`).
    public var distURL: URL
    /// Where the site is written (`public/`).
    public var publicURL: URL
    /// Event log and caches (`.skillex/`).
    public var stateURL: URL
    /// The clock every timestamp comes from.
    public var clock: Clock
    /// Environment variables (secrets, CI settings); never read from the process directly.
    public var environment: [String: String]

    /// A workspace rooted at the manifest's folder; `target` overrides `skills/`.
    public init(
        manifest: URL, target: URL? = nil, clock: Clock = .system,
        environment: [String: String] = [:]
    ) {
        let root = manifest.deletingLastPathComponent().standardizedFileURL
        self.root = root
        self.manifestURL = manifest.standardizedFileURL
        self.skillsURL = target?.standardizedFileURL ?? root.appendingPathComponent("skills")
        self.distURL = root.appendingPathComponent("dist")
        self.publicURL = root.appendingPathComponent("public")
        self.stateURL = root.appendingPathComponent(".skillex")
        self.clock = clock
        self.environment = environment
    }

    /// A workspace whose manifest is `root/manifest.json`.
    public init(root: URL, clock: Clock = .system, environment: [String: String] = [:]) {
        self.init(
            manifest: root.appendingPathComponent("manifest.json"), clock: clock,
            environment: environment)
    }
}
