public import Foundation

/// Installs skills from a hub's discovery index into agents' skills folders, keeps
/// `skills-lock.json`, checks installed trees against it (`--frozen`) and updates only skills
/// whose digest changed. Every artifact is fetched and verified before anything is written, and
/// each skill's folder is replaced in one rename.
public struct Installer: Sendable {
    /// The project folder (the project scope's root, relative paths' base).
    public var project: URL
    /// The environment (HOME, CLAUDE_CONFIG_DIR, XDG_CONFIG_HOME).
    public var environment: [String: String]
    /// Bounds on what one archive may unpack to.
    public var limits: ArchiveLimits

    public init(project: URL, environment: [String: String], limits: ArchiveLimits = .standard) {
        self.project = project
        self.environment = environment
        self.limits = limits
    }

    /// Installs `names` (every skill when empty) from `from` for `agent` in `scope`.
    public func install(
        _ names: [String], from: String, agent: String, scope: InstallScope, lock lockURL: URL? = nil
    ) async throws -> InstallReport {
        let folder = try AgentSkillsFolder.named(agent).folder(scope: scope, project: project, environment: environment)
        let lockURL = try lockURL ?? SkillsLock.defaultURL(scope: scope, project: project, environment: environment)
        var lock = try SkillsLock.load(lockURL) ?? SkillsLock()
        var report = InstallReport(command: "install", agents: [agent], scope: scope.rawValue, lockfile: lockURL.path)
        let source = try HubSource(location: from, base: project)
        let index = try await fetchIndex(source, report: &report)
        var chosen: [HubIndex.Entry] = []
        for name in names {
            guard let entry = index.entries.first(where: { $0.name == name }) else {
                throw InstallError.unknownSkill(name: name, location: from)
            }
            if !chosen.contains(entry) { chosen.append(entry) }
        }
        if names.isEmpty { chosen = index.entries }
        chosen.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        let fetched = try await fetchAll(chosen, from: source, index: index, report: &report)
        for (entry, artifact, url) in fetched {
            let target = folder.appendingPathComponent(entry.name, isDirectory: true)
            let hash = InstalledTree.hash(artifact.files.map { ($0.path, $0.executable, $0.bytes) })
            let present = InstalledTree.hash(folder: target)
            if present != hash { try InstalledTree.replace(target, with: artifact.files) }
            let previous = lock.skills[entry.name]
            let agents = Set((previous?.scope == scope.rawValue ? previous?.agents ?? [] : []) + [agent]).sorted()
            lock.skills[entry.name] = SkillsLock.Entry(
                source: from, sourceType: source.isLocal ? "local" : "well-known", sourceUrl: url,
                digest: entry.digest, computedHash: hash, agents: agents, scope: scope.rawValue)
            let action = present == nil ? "installed" : present == hash ? "unchanged" : "updated"
            report.skills.append(InstallReport.Item(name: entry.name, action: action, digest: entry.digest))
        }
        try lock.write(to: lockURL)
        return report
    }

    /// Fetches and parses the index of `source`.
    func fetchIndex(_ source: HubSource, report: inout InstallReport) async throws -> HubIndex {
        let data = try await source.fetch(source.indexURL, limit: HubIndex.maxBytes)
        report.requests += 1
        report.bytesFetched += data.count
        if let dist = try await DistHub.index(data, source: source, report: &report) { return dist }
        return try HubIndex.parse(data, location: source.location)
    }

    /// Fetches and verifies every entry's artifact; throws at the first that fails, before any is written.
    func fetchAll(
        _ entries: [HubIndex.Entry], from source: HubSource, index: HubIndex, report: inout InstallReport
    ) async throws -> [(HubIndex.Entry, SkillArtifact, String)] {
        if let dist = index.dist { return try await dist.artifacts(entries, from: source, limits: limits, report: &report) }
        var out: [(HubIndex.Entry, SkillArtifact, String)] = []
        for entry in entries {
            let url = try source.resolve(entry.url)
            let shown = url.isFileURL ? url.path : url.absoluteString
            let bytes = try await source.fetch(url, limit: limits.maxTotalBytes)
            report.requests += 1
            report.bytesFetched += bytes.count
            out.append((entry, try SkillArtifact.open(bytes, entry: entry, url: shown, limits: limits), url.isFileURL ? entry.url : shown))
        }
        return out
    }
}
