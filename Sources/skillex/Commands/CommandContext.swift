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
        lock command: String? = nil, wait: Double? = nil, beforeLoading: ((Workspace) -> Void)? = nil
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
        var held: (lock: WorkspaceLock, made: Bool, madeFolder: Bool)?
        if let command, FileManager.default.fileExists(atPath: manifestURL.path) {
            let url = WorkspaceLock.url(for: workspace)
            let made = !FileManager.default.fileExists(atPath: url.path)
            let madeFolder = !FileManager.default.fileExists(atPath: workspace.stateURL.path)
            // Held until the process exits: the kernel drops it then, however the run ends.
            do {
                let lock = try WorkspaceLock.acquire(at: url, command: command, wait: wait)
                held = (lock, made, madeFolder)
            } catch { throw ExitStatus.inputError(error) }
            // Nothing else writes here now: clear what a killed run left behind.
            WorkspaceRecovery.recover(workspace)
        }
        PhaseTrace.mark("start+lock")
        // Work that needs the workspace but not the manifest starts here, beside the load.
        beforeLoading?(workspace)
        do { self.manifest = try ManifestStore.load(manifestURL) } catch {
            // A manifest that does not load changes nothing: not even a new lock file is left.
            if let held {
                held.lock.release(removing: held.made)
                if held.madeFolder { rmdir(workspace.stateURL.path) }
            }
            throw ExitStatus.inputError(error)
        }
        PhaseTrace.mark("manifest.load")
    }

    /// Runs a stage on the manifest, turning any thrown error into a one-line input error.
    func run<T>(_ stage: (Manifest) throws -> T) throws -> T {
        do { return try stage(manifest) } catch let exit as ExitCode { throw exit } catch {
            throw ExitStatus.inputError(error)
        }
    }

    /// `run` for a job that awaits.
    func runAsync<T>(_ stage: (Manifest) async throws -> T) async throws -> T {
        do { return try await stage(manifest) } catch let exit as ExitCode { throw exit } catch {
            throw ExitStatus.inputError(error)
        }
    }
}
