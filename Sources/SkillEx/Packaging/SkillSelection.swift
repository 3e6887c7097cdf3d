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
        try collect(workspace: workspace, manifest: manifest, reuse: nil)
    }

    /// `collect`, each skill marked `trusted` when sync's record (`.skillex/sync-cache.json`)
    /// vouches for its installed copy: same checksum, and the files' `lstat` fingerprint sync
    /// recorded after checksumming. A skill that `reuse` (the previous pack) holds with the same
    /// checksum is listed from the names the pack holds, one `lstat` each without reading the
    /// folders; that listing stands when its fingerprint is sync's (a file changed, gone or
    /// replaced since sync changes it). Any other skill sync vouches for is listed from sync's
    /// record of its copy (`SyncCache.Entry.installedFiles`), and the folder is walked as usual
    /// otherwise (sync's record no longer holds when a file was added, changed or removed). A file
    /// added after sync to a folder listed from the pack's names is not packed: the pack holds
    /// the files the checksum names.
    static func collect(workspace: Workspace, manifest: Manifest, reuse: PackReuse?) throws -> [SelectedSkill] {
        let root = workspace.skillsURL.path
        let synced = SyncCache.load(SyncCache.url(workspace)).skills
        let listed = ParallelMap.map(manifest.skills) { entry -> Result<SelectedSkill, any Error> in
            Result {
                let folder = root + "/" + entry.sourceRepo + "/" + entry.name
                let folderURL = URL(fileURLWithPath: folder, isDirectory: true)
                let synced = synced[SyncCache.key(repo: entry.sourceRepo, skill: entry.name)]
                    .flatMap { $0.checksum == entry.checksum ? $0 : nil }
                let record = synced?.target
                if let record, let names = reuse?.files(of: entry.sourceRepo + "/" + entry.name, checksum: entry.checksum),
                    var known = try known(
                        repo: entry.sourceRepo, skill: entry.name, checksum: entry.checksum, folder: folder, names: names),
                    SyncCache.targetFingerprint(known.files) == record
                {
                    known.trusted = true
                    return known
                }
                if let synced, let files = synced.installedFiles(in: folderURL) {
                    try checkNames(repo: entry.sourceRepo, skill: entry.name)
                    var skill = SelectedSkill(
                        repo: entry.sourceRepo, skill: entry.name, checksum: entry.checksum, folder: folderURL, files: files,
                        executable: files.map(\.isExecutable))
                    skill.trusted = true
                    return skill
                }
                var skill = try select(
                    repo: entry.sourceRepo, skill: entry.name, checksum: entry.checksum, folder: folderURL)
                skill.trusted = record.map { $0 == SyncCache.targetFingerprint(skill.files) } ?? false
                return skill
            }
        }
        var skills = try listed.map { try $0.get() }
        skills.sort { ($0.path + "/").utf8.lexicographicallyPrecedes(($1.path + "/").utf8) }
        return skills
    }

    /// The skill in `folder` listed from `names` (relative paths in checksum order): one
    /// `lstat` per file; nil when any is not a regular file any more (the caller walks the folder).
    private static func known(
        repo: String, skill: String, checksum: String, folder: String, names: [String]
    ) throws -> SelectedSkill? {
        try checkNames(repo: repo, skill: skill)
        var files: [SkillFile] = []
        files.reserveCapacity(names.count)
        for name in names {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            files.append(SkillFiles.file(name, path: path, info: info))
        }
        return SelectedSkill(
            repo: repo, skill: skill, checksum: checksum, folder: URL(fileURLWithPath: folder, isDirectory: true),
            files: files, executable: files.map(\.isExecutable))
    }

    private static func checkNames(repo: String, skill: String) throws {
        for name in [repo, skill] {
            if let problem = PathSafety.problem(withFolderName: name) {
                throw PackagingError.unsafeName(skill: repo + "/" + skill, reason: "'\(name)' \(problem)")
            }
        }
    }

    /// The skill in `folder` with its files listed and their execute bits read.
    public static func select(repo: String, skill: String, checksum: String, folder: URL) throws -> SelectedSkill {
        try checkNames(repo: repo, skill: skill)
        var info = stat()
        guard stat(folder.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR
        else { throw PackagingError.skillMissing(skill: repo + "/" + skill, path: folder.path) }
        let files = try SkillFiles.list(folder)
        let executable = files.map(\.isExecutable)
        return SelectedSkill(
            repo: repo, skill: skill, checksum: checksum, folder: folder, files: files, executable: executable)
    }
}
