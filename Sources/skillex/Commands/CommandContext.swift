import ArgumentParser
import Foundation
import SkillEx

/// What every workspace command resolves first: the workspace, its clock and its manifest.
struct CommandContext {
    /// The hub.
    let workspace: Workspace
    /// The manifest as loaded (v1 upgraded in memory).
    let manifest: Manifest

    /// Resolves paths against the current directory, takes the workspace lock for `command`
    /// (when given; before reading anything, so no run works from a manifest another is about to
    /// replace) and loads the manifest; input errors and a held lock exit 2.
    init(
        manifest path: String, target: String? = nil, clock: String? = nil,
        lock command: String? = nil, wait: LockOptions? = nil
    ) throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let manifestURL = URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL
        let targetURL = target.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
        let environment = ProcessInfo.processInfo.environment
        let chosenClock: Clock
        if let clock {
            guard let date = Timestamp.parse(clock) else {
                throw ExitStatus.inputError(
                    ValidationError("--clock: '\(clock)' is not an ISO 8601 time (e.g. 2025-01-31T12:00:00Z)"))
            }
            chosenClock = .fixed(date)
        } else if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) {
            chosenClock = .fixed(Date(timeIntervalSince1970: epoch))
        } else {
            chosenClock = .system
        }
        workspace = Workspace(
            manifest: manifestURL, target: targetURL, clock: chosenClock, environment: environment)
        // A missing manifest is reported by the load below; no lock file is made for it.
        if let command, FileManager.default.fileExists(atPath: manifestURL.path) {
            // Held until the process exits: the kernel drops it then, however the run ends.
            do {
                _ = try WorkspaceLock.acquire(
                    at: WorkspaceLock.url(for: workspace), command: command, wait: wait?.seconds, now: Date())
            } catch { throw ExitStatus.inputError(error) }
            // Nothing else writes here now: clear what a killed run left behind.
            WorkspaceRecovery.recover(workspace)
        }
        do { self.manifest = try ManifestStore.load(manifestURL) } catch {
            throw ExitStatus.inputError(error)
        }
    }

    /// Locks a folder publish target too (`<folder>/.skillex-lock`, never listed as an object),
    /// so two hubs never publish into one folder at once, then sweeps temp files a killed publish
    /// left there. Other storages are left as they are.
    static func lockTarget(_ storage: any Storage, command: String, wait: Double) throws {
        guard let folder = storage as? FolderStorage else { return }
        do {
            _ = try WorkspaceLock.acquire(
                at: folder.root.appendingPathComponent(".skillex-lock"), command: command, wait: wait)
        } catch { throw ExitStatus.inputError(error) }
        WorkspaceRecovery.removeTempsRecursively(in: folder.root)
    }

    /// Runs a stage on the manifest, turning any thrown error into a one-line input error.
    func run<T>(_ stage: (Manifest) throws -> T) throws -> T {
        do { return try stage(manifest) } catch let exit as ExitCode { throw exit } catch {
            throw ExitStatus.inputError(error)
        }
    }
}
