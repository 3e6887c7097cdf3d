import Foundation

/// Builds a marketplace folder beside its target and swaps it in: the target holds the old
/// marketplace or the new one, never a mix.
struct MarketplaceWriter: Sendable {
    var workspace: Workspace
    var agentPlugins: Bool

    func write(
        _ marketplace: MarketplaceFiles.Marketplace, plan: MarketplacePlan, owner: MarketplaceSettings.Owner,
        version: String, into folder: URL
    ) throws {
        let parent = folder.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let token = UUID().uuidString
        let staged = parent.appendingPathComponent(".\(folder.lastPathComponent).skillex-new-\(token)", isDirectory: true)
        let aside = parent.appendingPathComponent(".\(folder.lastPathComponent).skillex-old-\(token)", isDirectory: true)
        do {
            try fill(staged, marketplace: marketplace, plan: plan, owner: owner, version: version)
        } catch {
            try? FileManager.default.removeItem(at: staged)
            throw error
        }
        let hadOld = FileManager.default.fileExists(atPath: folder.path)
        if hadOld, rename(folder.path, aside.path) != 0 {
            try? FileManager.default.removeItem(at: staged)
            throw FileBytes.posixError(folder.path)
        }
        if rename(staged.path, folder.path) != 0 {
            let error = FileBytes.posixError(folder.path)
            if hadOld { _ = rename(aside.path, folder.path) }
            try? FileManager.default.removeItem(at: staged)
            throw error
        }
        if hadOld { try? FileManager.default.removeItem(at: aside) }
    }

    private func fill(
        _ root: URL, marketplace: MarketplaceFiles.Marketplace, plan: MarketplacePlan,
        owner: MarketplaceSettings.Owner, version: String
    ) throws {
        try put(MarketplaceFiles.json(marketplace), root.appendingPathComponent(".claude-plugin/marketplace.json"))
        var copies: [(SkillEntry, URL)] = []
        for plugin in plan.plugins {
            let base = root.appendingPathComponent("plugins/\(plugin.name)", isDirectory: true)
            let description = MarketplaceFiles.description(plugin)
            try put(MarketplaceFiles.json(MarketplaceFiles.ClaudePlugin(
                name: plugin.name, version: version, description: description, author: .init(name: owner.name))),
                base.appendingPathComponent(".claude-plugin/plugin.json"))
            try put(MarketplaceFiles.readme(plugin, marketplace: marketplace.name), base.appendingPathComponent("README.md"))
            if agentPlugins {
                try put(MarketplaceFiles.json(MarketplaceFiles.AgentPlugin(name: plugin.name, version: version, description: description)),
                    base.appendingPathComponent("plugin.json"))
            }
            for skill in plugin.skills { copies.append((skill, base.appendingPathComponent("skills/\(skill.name)", isDirectory: true))) }
        }
        let workspace = workspace
        let failures = ParallelMap.map(copies.map { Copy(skill: $0.0, target: $0.1) }) { copy -> String? in
            do {
                var folders = Set<String>()
                for file in try SkillFiles.list(copy.skill.folder(in: workspace)) {
                    let target = copy.target.appendingPathComponent(file.relativePath)
                    let parent = target.deletingLastPathComponent()
                    if folders.insert(parent.path).inserted {  // each folder made once, not once per file
                        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
                    }
                    try Self.place(file, at: target)
                }
                return nil
            } catch { return "\(copy.skill.sourceRepo)/\(copy.skill.name): \(ErrorText.brief(error))" }
        }
        if let failure = failures.compactMap({ $0 }).first { throw MarketplaceError.copyFailed(failure) }
    }

    /// Puts `file` at `target`: a hard link when the synced file already has the mode the
    /// marketplace gives it (0644 or 0755; no bytes are copied), else a new file with that mode.
    private static func place(_ file: SkillFile, at target: URL) throws {
        let mode: mode_t = file.isExecutable ? 0o755 : 0o644
        var info = stat()
        if lstat(file.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, (info.st_mode & 0o7777) == mode,
            link(file.path, target.path) == 0
        {
            return
        }
        try TreeExtractor.write(Data(contentsOf: file.url), to: target, mode: mode)
    }

    private struct Copy: Sendable {
        var skill: SkillEntry
        var target: URL
    }

    private func put(_ data: Data, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try TreeExtractor.write(data, to: url, mode: 0o644)
    }
}
