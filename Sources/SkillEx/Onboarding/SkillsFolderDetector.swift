public import Foundation

/// Finds where a repository keeps its skills: `.claude/skills`, `skills/`, else any folder
/// holding skill folders (folders with a SKILL.md).
public enum SkillsFolderDetector {
    /// Folders never searched: version control, dependencies and build output.
    static let skipped: Set<String> = [".git", "node_modules", ".build", "build", "dist", "vendor", ".venv", "target"]

    /// The skills folder of `repository`, relative to it, or nil when none is found.
    /// Preference: an existing `.claude/skills`, then `skills`, then the shallowest folder
    /// (ties by path) whose subfolders hold SKILL.md files.
    public static func detect(in repository: URL, maxDepth: Int = 4) -> String? {
        for candidate in [RepositoryEntry.defaultSkillsDir, "skills"] where isFolder(repository.appendingPathComponent(candidate)) {
            return candidate
        }
        var level: [String] = [""]
        for _ in 0..<maxDepth {
            var next: [String] = []
            var found: [String] = []
            for relative in level {
                let folder = relative.isEmpty ? repository : repository.appendingPathComponent(relative)
                for child in children(of: folder) {
                    let path = relative.isEmpty ? child : relative + "/" + child
                    let url = repository.appendingPathComponent(path)
                    if SkillDiscovery.isSkillFolder(url) {
                        // A skill folder's parent holds skills; the repository root itself never
                        // counts (skills_dir must name a folder).
                        if !relative.isEmpty { found.append(relative) }
                    } else {
                        next.append(path)
                    }
                }
            }
            if let first = Set(found).sorted().first { return first }
            level = next.sorted()
        }
        return nil
    }

    /// Subfolder names of `folder` (no symlinks, none in `skipped`), sorted.
    private static func children(of folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { name in
            guard !skipped.contains(name) else { return false }
            let url = folder.appendingPathComponent(name)
            guard let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey]) else { return false }
            return values.isDirectory == true && values.isSymbolicLink != true
        }.sorted()
    }

    private static func isFolder(_ url: URL) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && folder.boolValue
    }
}
