public import Foundation

/// Options of one packaging run.
public struct PackOptions: Sendable {
    /// The version to write; default the next patch after the latest, else `0.1.0`.
    public var version: String?
    /// Strategy name overriding the manifest's `"packager"`.
    public var strategy: String?
    /// Base version of a delta; default the latest other version in `dist/index.json`.
    public var since: String?
    /// The time stamped on the pack; nil means 1980-01-01 (reproducible by default).
    public var timestamp: Date?

    /// Default options.
    public init(version: String? = nil, strategy: String? = nil, since: String? = nil, timestamp: Date? = nil) {
        self.version = version
        self.strategy = strategy
        self.since = since
        self.timestamp = timestamp
    }
}

/// The packaging stage: picks the version and strategy, runs the packager, then records the
/// result in `dist/index.json` and `dist/SHA256SUMS`.
public struct PackagingStage: Sendable {
    /// The hub.
    public var workspace: Workspace
    /// Strategies to choose from.
    public var registry: PackagerRegistry

    /// A stage over `workspace`.
    public init(workspace: Workspace, registry: PackagerRegistry = .standard) {
        self.workspace = workspace
        self.registry = registry
    }

    /// Packs `manifest`'s skills with `options`.
    public func pack(_ manifest: Manifest, options: PackOptions) throws -> PackResult {
        let indexURL = workspace.distURL.appendingPathComponent(DistIndex.fileName)
        var history = try DistIndex.load(indexURL)
        let version = try resolveVersion(options.version, history: history)
        let strategyName: String
        do {
            strategyName = try options.strategy ?? manifest.extra.decode(String.self, key: "packager") ?? "full"
        } catch {
            throw PackagingError.badFile(path: workspace.manifestURL.path, reason: "packager: must be a string")
        }
        let packager = try registry.packager(named: strategyName)
        let base = try resolveBase(options.since, version: version, history: history, indexPath: indexURL.path)
        let request = PackRequest(
            workspace: workspace, manifest: manifest, version: version, base: base,
            timestamp: options.timestamp ?? Date(timeIntervalSince1970: 315_532_800), history: history)
        let result = try packager.pack(request)

        var deltas = result.delta.map { [$0.artifact] } ?? []
        if let old = history.entry(version), old.pack.sha256 == result.pack.sha256 {
            let dist = workspace.distURL.path
            deltas += old.deltas.filter { delta in
                !deltas.contains { $0.from == delta.from }
                    && FileManager.default.fileExists(atPath: dist + "/" + delta.file)
            }
        }
        deltas.sort { PackVersion.precedes($0.from, $1.from) }
        history.upsert(
            DistIndex.Version(
                version: version, createdAt: result.createdAt, pack: result.pack, index: result.index,
                skills: result.skills, deltas: deltas))
        let indexData = try JSONWriter.data(history)
        try AtomicFile.write(indexData, to: indexURL)
        let sums = workspace.distURL.appendingPathComponent("SHA256SUMS")
        try AtomicFile.write(Self.checksums(history, indexData: indexData), to: sums)
        return result
    }

    /// `SHA256SUMS` in `sha256sum` format: every pack, pack index, delta and `index.json`.
    static func checksums(_ history: DistIndex, indexData: Data) -> Data {
        var lines: [(String, String)] = [(DistIndex.fileName, Digest.sha256Hex(indexData))]
        for version in history.versions {
            lines.append((version.pack.file, version.pack.sha256))
            lines.append((version.index.file, version.index.sha256))
            lines += version.deltas.map { ($0.file, $0.sha256) }
        }
        lines.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        return Data(lines.map { "\($0.1)  \($0.0)\n" }.joined().utf8)
    }

    private func resolveVersion(_ given: String?, history: DistIndex) throws(PackagingError) -> String {
        let version: String
        if let given {
            version = given
        } else if let latest = history.latest {
            guard let next = PackVersion.nextPatch(after: latest) else {
                throw .badVersion(version: latest, reason: "has no next patch version; pass --version")
            }
            version = next
        } else {
            version = PackVersion.initial
        }
        if let problem = PackVersion.problem(version) { throw .badVersion(version: version, reason: problem) }
        return version
    }

    private func resolveBase(
        _ since: String?, version: String, history: DistIndex, indexPath: String
    ) throws(PackagingError) -> String? {
        if let since {
            guard history.entry(since) != nil, since != version else {
                throw .unknownBaseVersion(version: since, index: indexPath)
            }
            return since
        }
        return history.versions.map(\.version).filter { $0 != version }
            .max { PackVersion.precedes($0, $1) }
    }
}
