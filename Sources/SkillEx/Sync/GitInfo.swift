import Foundation

/// The commit and branch of a git checkout, read from `.git` directly (no `git` process).
struct GitInfo: Equatable {
    var commit: String?
    var branch: String?

    /// Reads `repo/.git`; nil when `repo` is not a git checkout.
    static func read(_ repo: URL) -> GitInfo? {
        var gitDir = repo.appendingPathComponent(".git")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: gitDir.path, isDirectory: &isFolder) else {
            return nil
        }
        if !isFolder.boolValue {
            // A worktree or submodule: `.git` is a file saying `gitdir: <path>`.
            guard let text = try? String(contentsOf: gitDir, encoding: .utf8),
                let line = text.split(separator: "\n").first, line.hasPrefix("gitdir: ")
            else { return nil }
            let path = String(line.dropFirst("gitdir: ".count))
            gitDir = path.hasPrefix("/") ? URL(fileURLWithPath: path) : repo.appendingPathComponent(path)
        }
        guard let head = try? String(contentsOf: gitDir.appendingPathComponent("HEAD"), encoding: .utf8)
        else { return nil }
        let trimmed = head.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("ref: ") else { return GitInfo(commit: trimmed, branch: nil) }
        let ref = String(trimmed.dropFirst(5))
        let branch = ref.hasPrefix("refs/heads/") ? String(ref.dropFirst("refs/heads/".count)) : nil
        return GitInfo(commit: resolve(ref, in: gitDir), branch: branch)
    }

    private static func resolve(_ ref: String, in gitDir: URL) -> String? {
        var candidates = [gitDir]
        // Linked worktrees keep refs in the common dir.
        if let common = try? String(contentsOf: gitDir.appendingPathComponent("commondir"), encoding: .utf8) {
            let path = common.trimmingCharacters(in: .whitespacesAndNewlines)
            candidates.append(path.hasPrefix("/") ? URL(fileURLWithPath: path) : gitDir.appendingPathComponent(path))
        }
        for dir in candidates {
            if let text = try? String(contentsOf: dir.appendingPathComponent(ref), encoding: .utf8) {
                return text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if let packed = try? String(contentsOf: dir.appendingPathComponent("packed-refs"), encoding: .utf8) {
                for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
                    return String(line.prefix(while: { $0 != " " }))
                }
            }
        }
        return nil
    }
}
