import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Marks a folder whose subfolders are unrelated to each other (one per skill, one per
/// repository) as the top of a directory hierarchy, as `chattr +T` does.
///
/// ext4's Orlov allocator then places each new subfolder in a lightly used block group instead
/// of beside its parent. That matters after a large removal: on ext4 without a journal the
/// allocator will not reuse an inode freed in the last minutes, and it checks every such inode in
/// the group each time it allocates one, so recreating a removed site of 10,000 files and folders
/// in the same groups costs seconds of kernel time (measured in `docs/engineering/benchmarks.md`).
/// The flag is only a placement hint: file systems without it (tmpfs, XFS, btrfs) refuse the
/// request and nothing changes.
public enum FolderSpread {
    /// `FS_IOC_GETFLAGS` and `FS_IOC_SETFLAGS` (`_IOR`/`_IOW('f', 1/2, long)`, the same numbers on
    /// x86-64 and ARM64; the kernel reads and writes an `int`).
    private static let getFlags: UInt = 0x8008_6601
    private static let setFlags: UInt = 0x4008_6602
    /// `FS_TOPDIR_FL`.
    private static let topDirectory: Int32 = 0x0002_0000

    /// Sets the flag on the folder at `path` unless it is set already. True when the folder
    /// carries it afterwards; false when it cannot (a missing folder, a symlink, another file
    /// system).
    @discardableResult
    public static func mark(_ path: String) -> Bool {
        withFlags(of: path) { fd, flags in
            if flags & topDirectory != 0 { return true }
            var updated = flags | topDirectory
            return ioctl(fd, setFlags, &updated) == 0
        } ?? false
    }

    /// True when the folder at `path` carries the flag.
    public static func isMarked(_ path: String) -> Bool {
        withFlags(of: path) { _, flags in flags & topDirectory != 0 } ?? false
    }

    /// `body` with the open folder at `path` (not through a symlink) and its flags; nil when the
    /// folder cannot be opened or its file system keeps no such flags.
    private static func withFlags(of path: String, _ body: (Int32, Int32) -> Bool) -> Bool? {
        #if os(Linux)
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var flags: Int32 = 0
        guard ioctl(fd, getFlags, &flags) == 0 else { return nil }
        return body(fd, flags)
        #else
        return nil
        #endif
    }
}
