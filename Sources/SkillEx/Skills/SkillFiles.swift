public import Foundation

/// One regular file of a skill, as found on disk.
public struct SkillFile: Sendable, Equatable {
    /// Path inside the skill, `/`-separated (`references/api.md`).
    public var relativePath: String
    /// Where its bytes are read from (a symlink's target when the link stays inside the skill).
    public var url: URL
    /// Size in bytes.
    public var size: Int64
    /// Modification time in nanoseconds since 1970, for change detection.
    public var modifiedNanoseconds: Int64
    /// Inode number, for change detection.
    public var inode: UInt64
    /// True when any execute bit is set (copies keep it: scripts stay runnable).
    public var isExecutable: Bool = false

    /// A file record (for listings kept elsewhere, such as the site's listing cache).
    public init(
        relativePath: String, url: URL, size: Int64, modifiedNanoseconds: Int64 = 0, inode: UInt64 = 0,
        isExecutable: Bool = false
    ) {
        self.relativePath = relativePath
        self.url = url
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
        self.isExecutable = isExecutable
    }
}

/// Why a skill's files cannot be listed safely.
public enum SkillFilesError: DescribedError, Equatable {
    /// A symlink points outside the skill, dangles, or points at a folder.
    case unsafeSymlink(path: String, target: String)
    /// A folder or file could not be read.
    case unreadable(path: String, reason: String)
    /// A file name that cannot be carried safely (control characters, backslash).
    case badName(path: String)

    /// One line naming the file and the problem.
    public var description: String {
        switch self {
        case .unsafeSymlink(let path, let target):
            "\(path): symlink to \(target) leads outside the skill (not followed)"
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .badName(let path): "\(path): file name contains a control character or backslash"
        }
    }
}

/// Lists a skill's regular files in checksum order, refusing symlinks that leave the skill.
public enum SkillFiles {
    /// Every regular file under `root`, sorted by the UTF-8 bytes of the relative path.
    ///
    /// A symlink is followed only when it resolves to a regular file inside `root`; any other
    /// symlink (outside, dangling, or to a folder) is an error naming it.
    public static func list(_ root: URL) throws(SkillFilesError) -> [SkillFile] {
        let rootPath = root.path
        var files: [SkillFile] = []
        var realRoot = RealRoot(path: rootPath)
        try walk(folder: rootPath, relative: "", realRoot: &realRoot, into: &files)
        files.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        return files
    }

    private static func walk(
        folder: String, relative: String, realRoot: inout RealRoot, into files: inout [SkillFile]
    ) throws(SkillFilesError) {
        guard let dir = opendir(folder) else {
            throw .unreadable(path: folder, reason: String(cString: strerror(errno)))
        }
        defer { closedir(dir) }
        var names: [(name: String, type: UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            names.append((name, entry.pointee.d_type))
        }
        for (name, type) in names {
            let path = folder + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" }) {
                throw .badName(path: path)
            }
            // A real folder (the entry's type says so; a link to one says DT_LNK) needs no lstat.
            if type == UInt8(DT_DIR) {
                try walk(folder: path, relative: rel, realRoot: &realRoot, into: &files)
                continue
            }
            var info = stat()
            // lstat relative to the open folder: the kernel skips walking the whole path again.
            guard fstatat(dirfd(dir), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                try walk(folder: path, relative: rel, realRoot: &realRoot, into: &files)
            case S_IFREG:
                files.append(file(rel, path: path, info: info))
            case S_IFLNK:
                let target = realPath(path)
                var targetInfo = stat()
                guard let target, let root = realRoot.resolved, target.hasPrefix(root + "/"),
                    stat(target, &targetInfo) == 0,
                    targetInfo.st_mode & S_IFMT == S_IFREG
                else {
                    throw .unsafeSymlink(path: path, target: linkText(path))
                }
                files.append(file(rel, path: target, info: targetInfo))
            default:
                continue  // sockets, fifos and devices are not skill content
            }
        }
    }

    /// The skill root's canonical path, resolved only when a symlink needs checking.
    private struct RealRoot {
        let path: String
        private var cached: String??

        init(path: String) { self.path = path }

        var resolved: String? {
            mutating get {
                if let cached { return cached }
                let value = SkillFiles.realPath(path)
                cached = .some(value)
                return value
            }
        }
    }

    private static func file(_ relative: String, path: String, info: stat) -> SkillFile {
        SkillFile(
            // isDirectory given: URL(fileURLWithPath:) alone stats the path to find out.
            relativePath: relative, url: URL(fileURLWithPath: path, isDirectory: false), size: Int64(info.st_size),
            modifiedNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000
                + Int64(info.st_mtim.tv_nsec),
            inode: UInt64(info.st_ino), isExecutable: info.st_mode & 0o111 != 0)
    }

    fileprivate static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func linkText(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return "?" }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
