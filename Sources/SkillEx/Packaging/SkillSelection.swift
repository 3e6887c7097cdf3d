public import Foundation

/// A recorded skill found on disk, with its files listed for packing.
public struct SelectedSkill: Sendable {
    /// Source repository.
    public var repo: String
    /// Skill folder name.
    public var skill: String
    /// The checksum the manifest recorded at sync.
    public var checksum: String
    /// The skill's folder under `skills/`.
    public var folder: URL
    /// Its files in checksum order.
    public var files: [SkillFile]
    /// Which of `files` have an execute bit (same order).
    public var executable: [Bool]

    /// True when sync's record vouches for the copy: its checksum is `checksum` and every file's
    /// `lstat` is what sync left (see `SkillSelection.markTrusted`).
    public var trusted = false

    /// `repo/skill`.
    public var path: String { repo + "/" + skill }

    /// The skill's entry in a pack index.
    public var indexEntry: PackIndex.Skill {
        PackIndex.Skill(
            repo: repo, skill: skill, checksum: checksum, bytes: files.reduce(0) { $0 + $1.size },
            files: zip(files, executable).map { file, exec in
                PackIndex.File(path: file.relativePath, size: file.size, executable: exec ? true : nil)
            })
    }
}

/// Finds the skills the manifest records (sync records only valid ones) under `skills/`.
public enum SkillSelection {
    /// Every recorded skill, listed in parallel, in archive order (`repo/skill/` path bytes).
    public static func collect(workspace: Workspace, manifest: Manifest) throws -> [SelectedSkill] {
        let root = workspace.skillsURL.path
        let listed = ParallelMap.map(manifest.skills) { entry -> Result<SelectedSkill, any Error> in
            Result {
                try select(
                    repo: entry.sourceRepo, skill: entry.name, checksum: entry.checksum,
                    folder: URL(fileURLWithPath: root + "/" + entry.sourceRepo + "/" + entry.name, isDirectory: true))
            }
        }
        var skills = try listed.map { try $0.get() }
        skills.sort { ($0.path + "/").utf8.lexicographicallyPrecedes(($1.path + "/").utf8) }
        return skills
    }

    /// Marks the skills whose installed copy sync's record (`.skillex/sync-cache.json`) vouches
    /// for: same checksum, and the files' `lstat` fingerprint sync recorded after checksumming.
    static func markTrusted(_ skills: inout [SelectedSkill], workspace: Workspace) {
        let synced = SyncCache.load(SyncCache.url(workspace)).skills
        guard !synced.isEmpty else { return }
        let listed = skills
        let trusted = ParallelMap.map(listed) { skill -> Bool in
            guard let record = synced[SyncCache.key(repo: skill.repo, skill: skill.skill)],
                record.checksum == skill.checksum, let target = record.target
            else { return false }
            return target == SyncCache.targetFingerprint(skill.files)
        }
        for index in skills.indices { skills[index].trusted = trusted[index] }
    }

    /// The skill in `folder` with its files listed and their execute bits read.
    public static func select(repo: String, skill: String, checksum: String, folder: URL) throws -> SelectedSkill {
        for name in [repo, skill] {
            if let problem = PathSafety.problem(withFolderName: name) {
                throw PackagingError.unsafeName(skill: repo + "/" + skill, reason: "'\(name)' \(problem)")
            }
        }
        var info = stat()
        guard stat(folder.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR
        else { throw PackagingError.skillMissing(skill: repo + "/" + skill, path: folder.path) }
        let files = try SkillFiles.list(folder)
        let executable = files.map(\.isExecutable)
        return SelectedSkill(
            repo: repo, skill: skill, checksum: checksum, folder: folder, files: files, executable: executable)
    }
}
