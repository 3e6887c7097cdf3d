public import Foundation

extension Installer {
    /// Brings every locked skill up to its hub: fetches each source's index once, then only the
    /// artifacts whose digest differs from the lock's; unchanged skills cost nothing more.
    public func update(scope: InstallScope, lock lockURL: URL? = nil) async throws -> InstallReport {
        let lockURL = try lockURL ?? SkillsLock.defaultURL(scope: scope, project: project, environment: environment)
        guard var lock = try SkillsLock.load(lockURL) else { throw InstallError.notLocked(path: lockURL.path) }
        let agents = Set(lock.skills.values.flatMap(\.agents)).sorted()
        var report = InstallReport(command: "update", agents: agents, scope: scope.rawValue, lockfile: lockURL.path)
        let bySource = Dictionary(grouping: lock.skills.keys.sorted()) { lock.skills[$0]?.source ?? "" }
        var pending: [(HubIndex.Entry, SkillArtifact, String)] = []
        for sourceName in bySource.keys.sorted() {
            let source = try HubSource(location: sourceName, base: project)
            let index = try await fetchIndex(source, report: &report)
            var changed: [HubIndex.Entry] = []
            for name in bySource[sourceName] ?? [] {
                guard let locked = lock.skills[name] else { continue }
                guard let entry = index.entries.first(where: { $0.name == name }) else {
                    report.skills.append(InstallReport.Item(name: name, action: "missing", digest: locked.digest))
                    continue
                }
                if entry.digest == locked.digest {
                    report.skills.append(InstallReport.Item(name: name, action: "unchanged", digest: locked.digest))
                } else {
                    changed.append(entry)
                }
            }
            pending += try await fetchAll(changed, from: source, index: index, report: &report)
        }
        // Everything is fetched and verified; now each changed skill is swapped in, agent by agent.
        for (entry, artifact, url) in pending {
            guard var locked = lock.skills[entry.name], let entryScope = InstallScope(rawValue: locked.scope) else { continue }
            for agentName in locked.agents {
                let folder = try AgentSkillsFolder.named(agentName).folder(scope: entryScope, project: project, environment: environment)
                try InstalledTree.replace(folder.appendingPathComponent(entry.name, isDirectory: true), with: artifact.files)
            }
            locked.digest = entry.digest
            locked.sourceUrl = url
            locked.computedHash = InstalledTree.hash(artifact.files.map { ($0.path, $0.executable, $0.bytes) })
            lock.skills[entry.name] = locked
            report.skills.append(InstallReport.Item(name: entry.name, action: "updated", digest: entry.digest))
        }
        report.skills.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        try lock.write(to: lockURL)
        return report
    }
}
