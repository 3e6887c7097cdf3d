public import Foundation

extension Installer {
    /// Compares every locked skill's installed tree (for each agent it was installed for, or
    /// only `agent`) with the lock's `computedHash`. Reads no network.
    public func frozen(scope: InstallScope, agent: String? = nil, lock lockURL: URL? = nil) throws -> FrozenReport {
        let lockURL = try lockURL ?? SkillsLock.defaultURL(scope: scope, project: project, environment: environment)
        guard let lock = try SkillsLock.load(lockURL) else { throw InstallError.notLocked(path: lockURL.path) }
        if let agent { _ = try AgentSkillsFolder.named(agent) }
        var report = FrozenReport(status: "ok", lockfile: lockURL.path, checked: 0, drift: [])
        for name in lock.skills.keys.sorted() {
            guard let entry = lock.skills[name], let entryScope = InstallScope(rawValue: entry.scope) else { continue }
            for agentName in entry.agents where agent == nil || agent == agentName {
                let folder = try AgentSkillsFolder.named(agentName)
                    .folder(scope: entryScope, project: project, environment: environment)
                    .appendingPathComponent(name, isDirectory: true)
                report.checked += 1
                let exists = FileManager.default.fileExists(atPath: folder.path)
                let hash = InstalledTree.hash(folder: folder)
                if hash == entry.computedHash { continue }
                report.drift.append(FrozenReport.Drift(
                    name: name, agent: agentName, problem: exists ? "modified" : "missing", path: folder.path))
            }
        }
        if !report.drift.isEmpty { report.status = "drift" }
        return report
    }
}
