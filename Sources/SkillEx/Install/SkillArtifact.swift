import Foundation

/// A fetched skill, checked and unpacked in memory: its digest is the index's, and an archive
/// passes the same checks as `skillex pull` (`ArchiveSafety`: no `..`, absolute paths, links,
/// duplicates; `ArchiveLimits`: entry size, total, count, ratio, from the central directory
/// before anything is inflated) and holds `SKILL.md` at its root (no wrapper folder).
struct SkillArtifact: Sendable {
    /// One file of the skill.
    struct File: Sendable {
        var path: String
        var bytes: Data
        var executable: Bool
    }

    var files: [File]

    /// Checks `bytes`, fetched from `url` for `entry`, and unpacks them.
    static func open(_ bytes: Data, entry: HubIndex.Entry, url: String, limits: ArchiveLimits) throws(InstallError) -> SkillArtifact {
        let actual = "sha256:" + Digest.sha256Hex(bytes)
        guard actual == entry.digest else {
            throw .digestMismatch(name: entry.name, url: url, expected: entry.digest, actual: actual)
        }
        if entry.type == "skill-md" {
            return SkillArtifact(files: [File(path: "SKILL.md", bytes: bytes, executable: false)])
        }
        do {
            let reader = try ZipReader(data: bytes, label: url, checkCount: { count throws(ZipError) in try limits.checkCount(count) })
            try ArchiveSafety.check(reader.entries)
            try limits.check(reader.entries, archiveBytes: UInt64(bytes.count))
            let entries = reader.entries.filter { !$0.isDirectory }
            guard entries.contains(where: { $0.name == "SKILL.md" }) else {
                let first = entries.first.map { String($0.name.prefix { $0 != "/" }) } ?? ""
                let hint = entries.contains(where: { $0.name == first + "/SKILL.md" }) ? " (it is inside a wrapper folder '\(first)/')" : ""
                throw InstallError.unsafeArtifact(name: entry.name, url: url, reason: "no SKILL.md at the archive's root\(hint)")
            }
            var files: [File] = []
            for item in entries {
                files.append(File(path: item.name, bytes: try reader.contents(of: item), executable: item.isExecutable))
            }
            return SkillArtifact(files: files)
        } catch let error as InstallError {
            throw error
        } catch let error as ZipError {
            throw .unsafeArtifact(name: entry.name, url: url, reason: error.description)
        } catch {
            throw .unsafeArtifact(name: entry.name, url: url, reason: ErrorText.brief(error))
        }
    }
}
