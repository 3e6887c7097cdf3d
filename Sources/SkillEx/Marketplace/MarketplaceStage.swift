import Foundation

/// Writes the hub's admitted skills as a Claude Code plugin marketplace: a folder holding
/// `.claude-plugin/marketplace.json` and `plugins/<name>/` (each with `.claude-plugin/plugin.json`,
/// optionally the Agent Plugins `plugin.json`, and `skills/<skill>/`), ready to commit to a git
/// repository. The folder is built beside the old one and swapped in by rename; a hub whose
/// skills, settings and version did not change rewrites nothing.
public struct MarketplaceStage: Sendable {
    public var workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Writes the marketplace of `manifest`'s skills (pass only admitted ones) at `version`, when
    /// the manifest enables it or `force` is set; nil otherwise.
    public func emit(_ manifest: Manifest, version: String, force: Bool = false) throws -> MarketplaceReport? {
        let settings = try MarketplaceSettings.of(manifest)
        guard force || settings.enabled == true else { return nil }
        let title = (try? manifest.extra.decode(SiteTitle.self, key: "site"))?.title
        let name = settings.name ?? title.map(MarketplaceNames.slug).flatMap { $0.isEmpty ? nil : $0 } ?? "skillex-hub"
        if let problem = MarketplaceNames.marketplaceProblem(name) { throw MarketplaceError.reservedName(name, reason: problem) }
        let owner = settings.owner ?? MarketplaceSettings.Owner(name: manifest.maintainers?.first ?? title ?? "SkillEx hub")
        let plan = MarketplacePlan.make(manifest.skills, settings: settings, hubName: name)
        let folder = URL(fileURLWithPath: settings.output ?? "marketplace", relativeTo: workspace.root).standardizedFileURL
        var report = MarketplaceReport(
            name: name, folder: folder.path, plugins: plan.plugins.count,
            skills: plan.plugins.reduce(0) { $0 + $1.skills.count }, written: false, warnings: plan.warnings)
        let key = try stateKey(settings: settings, name: name, owner: owner, version: version, plan: plan)
        let stateURL = workspace.stateURL.appendingPathComponent(
            "marketplace-\(Digest.sha256Hex(Data(folder.path.utf8)).prefix(12)).key")
        let marker = folder.appendingPathComponent(".claude-plugin/marketplace.json")
        if FileManager.default.fileExists(atPath: marker.path), (try? String(contentsOf: stateURL, encoding: .utf8)) == key {
            return report
        }
        let writer = MarketplaceWriter(workspace: workspace, agentPlugins: settings.agentPlugins == true)
        let marketplace = MarketplaceFiles.Marketplace(
            name: name, owner: owner,
            metadata: .init(description: settings.description ?? "Skills of \(title ?? name), admitted by SkillEx", version: version),
            plugins: plan.plugins.map {
                .init(name: $0.name, source: "./plugins/\($0.name)", description: MarketplaceFiles.description($0), version: version)
            })
        try writer.write(marketplace, plan: plan, owner: owner, version: version, into: folder)
        try AtomicFile.write(Data(key.utf8), to: stateURL, durable: false)
        report.written = true
        return report
    }

    /// What the output depends on, hashed: settings, name, owner, version, and each plugin's skills and checksums.
    private func stateKey(
        settings: MarketplaceSettings, name: String, owner: MarketplaceSettings.Owner, version: String, plan: MarketplacePlan
    ) throws -> String {
        var hasher = SHA256Hasher()
        hasher.update(try MarketplaceFiles.json(settings))
        hasher.update("\(name)\u{0}\(owner.name)\u{0}\(owner.email ?? "")\u{0}\(owner.url ?? "")\u{0}\(version)\n")
        for plugin in plan.plugins {
            hasher.update("plugin \(plugin.name)\n")
            for skill in plugin.skills { hasher.update("\(skill.sourceRepo)/\(skill.name)\u{0}\(skill.checksum)\n") }
        }
        return Digest.hex(hasher.finalize())
    }

    private struct SiteTitle: Decodable { var title: String? }
}

/// What writing the marketplace did.
public struct MarketplaceReport: Codable, Sendable, Equatable {
    /// The marketplace's name.
    public var name: String
    /// The folder.
    public var folder: String
    public var plugins: Int
    public var skills: Int
    /// False when the folder already held this output.
    public var written: Bool
    /// Skills left out, one line each.
    public var warnings: [String]
}
