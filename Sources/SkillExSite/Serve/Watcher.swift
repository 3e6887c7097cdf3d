public import Foundation
public import SkillEx

/// Notices changes to files by polling their sizes and modification times.
public struct Watcher: Sendable {
    /// Files and folders watched (a folder: everything under it, hidden files included).
    public var paths: [URL]

    /// Watches `paths`.
    public init(paths: [URL]) {
        self.paths = paths
    }

    /// What the site reads and only people (or other runs) change: docs, templates, schemas,
    /// the pack index and the event log, plus `extra` (the cookbook folder when it lives
    /// elsewhere).
    public static func siteInputs(workspace: Workspace, extra: [URL] = []) -> Watcher {
        let root = workspace.root
        return Watcher(paths: [
            root.appendingPathComponent("docs"), root.appendingPathComponent("templates"),
            root.appendingPathComponent("schemas"), workspace.distURL.appendingPathComponent("index.json"),
            workspace.stateURL.appendingPathComponent("events.jsonl"),
        ] + extra)
    }

    /// What the site reads and a preview's own sync and score rewrite: the manifest and the
    /// scorecards. (`skills/` is not walked: whatever changes a skill there, a sync, records its
    /// new checksum in the manifest, and the site does not read hand edits there either.)
    public static func workspaceState(_ workspace: Workspace) -> Watcher {
        Watcher(paths: [workspace.manifestURL, workspace.stateURL.appendingPathComponent("scorecards.json")])
    }

    /// The skills folder of every repository in `manifest` (where sync reads skills from).
    public static func sources(_ manifest: Manifest, workspace: Workspace) -> Watcher {
        Watcher(paths: manifest.repositories.map { repo in
            let root = repo.path.hasPrefix("/")
                ? URL(fileURLWithPath: repo.path) : workspace.root.appendingPathComponent(repo.path)
            return root.appendingPathComponent(repo.skillsDir ?? RepositoryEntry.defaultSkillsDir).standardizedFileURL
        })
    }

    /// A value that changes when any watched file is added, removed, resized or touched.
    public func fingerprint() -> String {
        var hasher = SHA256Hasher()
        for path in paths {
            var info = stat()
            guard stat(path.path, &info) == 0 else {
                hasher.update("\(path.path)\u{0}absent\n")
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                let walker = FileManager.default.enumerator(atPath: path.path)
                while let relative = walker?.nextObject() as? String {
                    var entry = stat()
                    if stat(path.path + "/" + relative, &entry) == 0 { add(path.path + "/" + relative, entry, &hasher) }
                }
            } else {
                add(path.path, info, &hasher)
            }
        }
        return Digest.hex(hasher.finalize())
    }

    private func add(_ path: String, _ info: stat, _ hasher: inout SHA256Hasher) {
        hasher.update("\(path)\u{0}\(info.st_ino)\u{0}\(info.st_size)\u{0}\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\n")
    }
}
