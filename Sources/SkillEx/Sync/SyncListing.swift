import Foundation

/// What sync last found in a skill's source folder, kept in the skill's cache entry so a later
/// sync can check the skill without listing its folders again.
///
/// A listing is lines: one per folder (`d<mtime> <ctime> <inode> <path>`, the skill's own folder
/// first as ``) and one per file (`f<path>`, in checksum order). While each folder's identity is
/// unchanged its entries are the ones listed (creating, removing or renaming an entry changes a
/// folder's time), so `files` stats the folders and files instead of reading the folders: one
/// call per folder instead of five. Any difference (a folder changed or gone, a file no longer
/// regular, a limit the skill now breaks) gives nil, and sync walks the folder as before.
enum SyncListing {
    /// How long before the walk a folder's time must be for its listing to be kept: a folder
    /// changed within the same tick of the file system's clock as the walk could keep its time
    /// while its entries changed.
    static let settledNanoseconds: Int64 = 1_000_000_000

    /// Walks the skill at `source` (`SkillFiles.list`): its files, and the listing to keep (nil
    /// when a symlink was followed or a folder changed too recently).
    static func walk(_ source: URL, limits: SkillLimits) throws(SkillFilesError) -> (files: [SkillFile], listing: [String]?) {
        let start = FilePrefetch.now()
        let walked = try SkillFiles.listWithFolders(source, limits: limits)
        return (walked.files, walked.folders.flatMap { lines(files: walked.files, folders: $0, walkStart: start) })
    }

    /// The listing of a walk that began at `start` (`FilePrefetch.now()`); nil when a folder
    /// changed too recently to be trusted later.
    static func lines(files: [SkillFile], folders: [FolderStamp], walkStart start: Int64) -> [String]? {
        guard folders.allSatisfy({ $0.modifiedNanoseconds + settledNanoseconds < start }) else { return nil }
        var out: [String] = []
        out.reserveCapacity(folders.count + files.count)
        for folder in folders {
            out.append("d\(folder.modifiedNanoseconds) \(folder.changedNanoseconds) \(folder.inode) \(folder.relative)")
        }
        for file in files { out.append("f" + file.relativePath) }
        return out
    }

    /// The listing of the copy sync just made in staging (`SkillFiles.listWithFolders`), its
    /// lines joined by line breaks (a cache entry keeps it as one string); nil when a symlink
    /// was followed. Unlike a source's, it is kept however recent its folders' times are: only
    /// sync writes in `skills/`, and it lists the copy after its last write.
    static func copyLines(files: [SkillFile], folders: [FolderStamp]?) -> String? {
        folders.flatMap { lines(files: files, folders: $0, walkStart: .max) }?.joined(separator: "\n")
    }

    /// The files of the skill at `source` as `SkillFiles.list` would give them, when every
    /// folder of `lines` still has its identity, every listed file is still a regular file and
    /// `limits` (when given) still allow them all; nil otherwise. With `changeTimes` false the
    /// folders' ctime is not compared: renaming sync's copy into `skills/` changes its folder's
    /// ctime, but neither its mtime nor its inode.
    static func files(
        _ lines: [String], in source: URL, limits: SkillLimits?, changeTimes: Bool = true
    ) -> [SkillFile]? {
        let root = source.path
        // Opened once (through a symlink, as the walk's `opendir` does): each `lstat` below then
        // looks up only the path inside the skill.
        let folderFD = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folderFD >= 0 else { return nil }
        defer { close(folderFD) }
        var files: [SkillFile] = []
        var info = stat()
        for line in lines {
            guard let kind = line.utf8.first else { return nil }
            if kind == UInt8(ascii: "f") {
                // A path from the cache file is one SkillEx wrote: anything else (empty, absolute,
                // `.` or `..` parts) is damage and never followed out of the skill.
                guard let relative = String(line.utf8.dropFirst()), !relative.isEmpty, RelativePath.isNormal(relative),
                    fstatat(folderFD, relative, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG,
                    limits.map({ Int64(info.st_size) <= $0.maxFileBytes && files.count < $0.maxFiles }) ?? true
                else { return nil }
                files.append(SkillFiles.file(relative, path: root + "/" + relative, info: info))
                continue
            }
            guard kind == UInt8(ascii: "d"), let folder = stamp(line), RelativePath.isNormal(folder.relative) else { return nil }
            let depth = folder.relative.isEmpty ? 0 : folder.relative.utf8.reduce(1) { $1 == 0x2F ? $0 + 1 : $0 }
            guard depth <= limits?.maxDepth ?? .max else { return nil }
            let found = folder.relative.isEmpty
                ? fstat(folderFD, &info) : fstatat(folderFD, folder.relative, &info, AT_SYMLINK_NOFOLLOW)
            guard found == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
            var now = FolderStamp(relative: folder.relative, info: info)
            if !changeTimes { now.changedNanoseconds = folder.changedNanoseconds }
            guard now == folder else { return nil }
        }
        return files
    }

    /// The folder a `d` line describes.
    private static func stamp(_ line: String) -> FolderStamp? {
        let parts = line.utf8.dropFirst().split(separator: UInt8(ascii: " "), maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, let modified = Int64(Substring(parts[0])), let changed = Int64(Substring(parts[1])),
            let inode = UInt64(Substring(parts[2])), let relative = String(parts[3])
        else { return nil }
        return FolderStamp(relative: relative, modifiedNanoseconds: modified, changedNanoseconds: changed, inode: inode)
    }
}
