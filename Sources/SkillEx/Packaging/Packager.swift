public import Foundation

/// A packaging strategy: turns the synced skills into files in `dist/`.
///
/// Strategies are looked up by name in a `PackagerRegistry`; a new one is a new type added to
/// the registry, and the existing ones stay as they are.
public protocol Packager: Sendable {
    /// The name the manifest's `"packager"` field and `--strategy` use.
    var name: String { get }
    /// Writes this strategy's files for `request` and describes them.
    func pack(_ request: PackRequest) throws -> PackResult
}

/// Everything a packager needs for one run.
public struct PackRequest: Sendable {
    /// The hub.
    public var workspace: Workspace
    /// The manifest (its skills are what gets packed).
    public var manifest: Manifest
    /// The version being written.
    public var version: String
    /// The version a delta starts from, when there is one.
    public var base: String?
    /// The time stamped on entries and in the pack index.
    public var timestamp: Date
    /// `dist/index.json` as it was before this run.
    public var history: DistIndex

    /// A request.
    public init(
        workspace: Workspace, manifest: Manifest, version: String, base: String?, timestamp: Date,
        history: DistIndex
    ) {
        self.workspace = workspace
        self.manifest = manifest
        self.version = version
        self.base = base
        self.timestamp = timestamp
        self.history = history
    }
}

/// The packagers SkillEx knows, by name.
public struct PackagerRegistry: Sendable {
    /// Packagers by name.
    public private(set) var packagers: [String: any Packager] = [:]

    /// A registry holding `packagers`.
    public init(_ packagers: [any Packager]) {
        for packager in packagers { self.packagers[packager.name] = packager }
    }

    /// The built-in strategies: `full` and `delta`.
    public static let standard = PackagerRegistry([FullPackager(), DeltaPackager()])

    /// This registry plus `packager` (replacing one of the same name).
    public func adding(_ packager: any Packager) -> PackagerRegistry {
        var copy = self
        copy.packagers[packager.name] = packager
        return copy
    }

    /// The packager called `name`.
    public func packager(named name: String) throws(PackagingError) -> any Packager {
        guard let packager = packagers[name] else {
            throw .unknownStrategy(name: name, known: packagers.keys.sorted())
        }
        return packager
    }
}
