public import Foundation

/// Cleans up after a run that was killed part-way, before the next run starts work.
///
/// Every SkillEx write is a temp file (or staging folder) renamed into place, so a killed run
/// leaves complete old or new files plus, at most, hidden leftovers. Call this only while holding
/// the workspace lock (`WorkspaceLock`): then no other run can be writing those leftovers.
public enum WorkspaceRecovery {
    /// Removes leftover temp files and staging folders and rewrites `dist/SHA256SUMS` when a run
    /// stopped between `index.json` and it; returns the paths it removed or repaired.
    @discardableResult
    public static func recover(_ workspace: Workspace) -> [String] {
        var touched: [String] = []
        for folder in [workspace.root, workspace.distURL, workspace.distURL.appendingPathComponent("deltas")] {
            touched += removeTemps(in: folder)
        }
        // `.skillex/` has subfolders (publish metadata, site caches): every level is swept.
        touched += removeTempsRecursively(in: workspace.stateURL)
        for name in entries(of: workspace.skillsURL) where name.hasPrefix(".staging-") {
            let url = workspace.skillsURL.appendingPathComponent(name)
            if (try? FileManager.default.removeItem(at: url)) != nil { touched.append(url.path) }
        }
        if let repaired = repairChecksums(dist: workspace.distURL) { touched.append(repaired) }
        return touched
    }

    /// Rewrites `dist/SHA256SUMS` from `dist/index.json` when they disagree (the index is written
    /// first, the sums second); returns the path when it did.
    @discardableResult
    public static func repairChecksums(dist: URL) -> String? {
        let indexURL = dist.appendingPathComponent(DistIndex.fileName)
        guard let indexData = try? Data(contentsOf: indexURL),
            let history = try? DistIndex.decode(indexData, label: indexURL.path)
        else { return nil }
        let sums = dist.appendingPathComponent("SHA256SUMS")
        let expected = PackagingStage.checksums(history, indexData: indexData)
        guard (try? Data(contentsOf: sums)) != expected else { return nil }
        return (try? AtomicFile.write(expected, to: sums)) == nil ? nil : sums.path
    }

    /// Removes regular files in `folder` (not below) named `.<name>.tmp-<UUID>`.
    static func removeTemps(in folder: URL) -> [String] {
        entries(of: folder).filter(isTempName).compactMap { name in
            let url = folder.appendingPathComponent(name)
            return unlink(url.path) == 0 ? url.path : nil
        }
    }

    /// Removes files named `<name>.tmp-<UUID>` anywhere under `folder` (the site's temp names
    /// too); returns their paths, sorted. Walked with `readdir` (the entry type says which names
    /// are folders), not FileManager's enumerator, which asked the file system about every entry:
    /// every command sweeps `.skillex/` before it starts.
    @discardableResult
    public static func removeTempsRecursively(in folder: URL) -> [String] {
        var removed: [String] = []
        sweep(folder.path, depth: 0, removed: &removed)
        return removed.sorted()
    }

    /// Removes the temp files in `path` and, below it, in every real folder (symlinks are not
    /// followed).
    private static func sweep(_ path: String, depth: Int, removed: inout [String]) {
        guard depth < 64, let entries = FolderEntries.list(path) else { return }
        var folders: [String] = []
        for (name, entryType) in entries {
            let full = path + "/" + name
            var type = Int32(entryType)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                type = lstat(full, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
            }
            if type == Int32(DT_DIR) {
                folders.append(full)
            } else if hasTempSuffix(name), unlink(full) == 0 {
                removed.append(full)
            }
        }
        for folder in folders { sweep(folder, depth: depth + 1, removed: &removed) }
    }

    /// True for `.<name>.tmp-<UUID>`, the names `AtomicFile` and the pack writer use.
    static func isTempName(_ name: String) -> Bool {
        name.hasPrefix(".") && hasTempSuffix(name)
    }

    /// True when `name` ends in `.tmp-` and a UUID.
    static func hasTempSuffix(_ name: String) -> Bool {
        guard name.utf8.count >= AtomicFile.tempMarker.utf8.count + 36,
            let range = name.range(of: AtomicFile.tempMarker, options: .backwards)
        else { return false }
        return UUID(uuidString: String(name[range.upperBound...])) != nil
    }

    private static func entries(of folder: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    }
}
