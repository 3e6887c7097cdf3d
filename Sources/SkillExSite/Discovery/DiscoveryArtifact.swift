import Foundation
import SkillEx

/// The bytes a skill is served as: its SKILL.md alone, or a reproducible ZIP of its files at the
/// archive root (no wrapper folder), sorted by path bytes, with a fixed timestamp and modes.
struct DiscoveryArtifact {
    /// `skill-md` or `archive`.
    var type: String
    /// Path under `.well-known/agent-skills/`.
    var relativePath: String
    /// The first component of `relativePath` (what the folder sweep keeps).
    var topLevelName: String
    /// The artifact's bytes.
    var bytes: Data

    /// The artifact of skill `name` with `files`; a file path an archive may not hold is an error.
    static func make(name: String, files: [SkillFile]) throws -> DiscoveryArtifact {
        if files.count == 1, let only = files.first, only.relativePath == "SKILL.md" {
            let bytes = try Data(contentsOf: only.url)
            return DiscoveryArtifact(type: "skill-md", relativePath: name + "/SKILL.md", topLevelName: name, bytes: bytes)
        }
        let bytes = try archive(files)
        return DiscoveryArtifact(type: "archive", relativePath: name + ".zip", topLevelName: name + ".zip", bytes: bytes)
    }

    /// A ZIP of `files`: regular files only, 0644 or 0755, DOS epoch timestamps.
    static func archive(_ files: [SkillFile]) throws -> Data {
        let sorted = files.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        let writer = ZipWriter.inMemory(timestamp: .epoch)
        for file in sorted {
            if let problem = pathProblem(file.relativePath) {
                throw DiscoveryError.unsafePath(path: file.path, reason: problem)
            }
            let bytes = try Data(contentsOf: file.url)
            try writer.add(
                ZipCompressor.entry(name: file.relativePath, bytes: bytes, permissions: file.isExecutable ? 0o755 : 0o644))
        }
        return Data(try writer.finishInMemory())
    }

    /// Why `path` may not be an archive entry (the RFC's archive-safety rules: no absolute path,
    /// no `..`; and a plain relative path of printable characters), or nil.
    static func pathProblem(_ path: String) -> String? {
        if path.isEmpty || path.hasPrefix("/") { return "an archive entry may not be an absolute path" }
        if path.contains("\\") { return "an archive entry may not hold a backslash" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "an archive entry may not hold control characters"
        }
        for part in path.split(separator: "/", omittingEmptySubsequences: false) where part.isEmpty || part == "." || part == ".." {
            return "an archive entry may not hold empty, '.' or '..' components"
        }
        return nil
    }
}

/// A discovery artifact that cannot be made.
enum DiscoveryError: DescribedError, Equatable {
    case unsafePath(path: String, reason: String)

    var description: String {
        switch self {
        case .unsafePath(let path, let reason): "\(path): \(reason)"
        }
    }
}
