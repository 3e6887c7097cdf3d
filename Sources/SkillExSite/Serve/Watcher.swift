public import Foundation
public import SkillEx

/// Notices changes to what the site reads by polling file sizes and modification times.
public struct Watcher: Sendable {
    /// Files and folders watched.
    public var paths: [URL]

    /// Watches the workspace's manifest, docs, templates, schemas, skills, pack index, event
    /// log and scorecards, plus `extra` (the cookbook folder when it lives elsewhere).
    public init(workspace: Workspace, extra: [URL] = []) {
        let root = workspace.root
        paths = [
            workspace.manifestURL, root.appendingPathComponent("docs"), root.appendingPathComponent("templates"),
            root.appendingPathComponent("schemas"), workspace.skillsURL,
            workspace.distURL.appendingPathComponent("index.json"),
            workspace.stateURL.appendingPathComponent("events.jsonl"),
            workspace.stateURL.appendingPathComponent("scorecards.json"),
        ] + extra
    }

    /// A value that changes when any watched file is added, removed, resized or touched.
    public func fingerprint() -> String {
        var hasher = SHA256Hasher()
        for path in paths {
            var info = stat()
            guard stat(path.path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                let walker = FileManager.default.enumerator(atPath: path.path)
                while let relative = walker?.nextObject() as? String {
                    var entry = stat()
                    if stat(path.path + "/" + relative, &entry) == 0 { add(relative, entry, &hasher) }
                }
            } else {
                add(path.path, info, &hasher)
            }
        }
        return Digest.hex(hasher.finalize())
    }

    private func add(_ path: String, _ info: stat, _ hasher: inout SHA256Hasher) {
        hasher.update("\(path)\u{0}\(info.st_size)\u{0}\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\n")
    }
}
