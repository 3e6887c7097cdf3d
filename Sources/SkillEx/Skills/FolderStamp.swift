import Foundation

/// A folder's identity as `stat` gives it: while it is unchanged, so are the folder's entries
/// (creating, removing or renaming one changes the folder's modification time).
struct FolderStamp: Sendable, Equatable {
    /// Path inside the skill, `/`-separated; "" for the skill's own folder.
    var relative: String
    var modifiedNanoseconds: Int64
    var changedNanoseconds: Int64
    var inode: UInt64

    init(relative: String, modifiedNanoseconds: Int64, changedNanoseconds: Int64, inode: UInt64) {
        self.relative = relative
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changedNanoseconds = changedNanoseconds
        self.inode = inode
    }

    init(relative: String, info: stat) {
        self.init(
            relative: relative,
            modifiedNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            changedNanoseconds: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
            inode: UInt64(info.st_ino))
    }
}
