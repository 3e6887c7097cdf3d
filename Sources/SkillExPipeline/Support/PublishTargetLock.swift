import Foundation
public import SkillEx

/// The lock of a folder publish target (`<folder>/.skillex-lock`, a dotfile never listed as an
/// object), so two hubs never publish into one folder at once.
public enum PublishTargetLock {
    /// Locks an existing folder target, then sweeps temp files a killed publish left there.
    /// The caller releases it (removing the file) when done, so a lock file found before
    /// locking means a run that did not finish (or one still running, which is waited for):
    /// only then is the folder walked for temp files. Other storages, and a folder not made
    /// yet, are left as they are (nil).
    public static func acquire(_ storage: any Storage, command: String, wait: Double) throws -> WorkspaceLock? {
        guard let folder = storage as? FolderStorage,
            FileManager.default.fileExists(atPath: folder.root.path) else { return nil }
        let url = folder.root.appendingPathComponent(".skillex-lock")
        let unfinished = FileManager.default.fileExists(atPath: url.path)
        let lock = try WorkspaceLock.acquire(at: url, command: command, wait: wait)
        if unfinished { WorkspaceRecovery.removeTempsRecursively(in: folder.root) }
        return lock
    }
}
