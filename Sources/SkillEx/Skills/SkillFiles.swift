public import Foundation

/// One regular file of a skill, as found on disk.
public struct SkillFile: Sendable, Equatable {
    /// Path inside the skill, `/`-separated (`references/api.md`).
    public var relativePath: String
    /// Where its bytes are read from (a symlink's target when the link stays inside the skill):
    /// kept as a path, since walks list thousands of files and most are never opened.
    public var path: String
    /// `path` as a file URL.
    public var url: URL { URL(fileURLWithPath: path, isDirectory: false) }
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
        self.init(
            relativePath: relativePath, path: url.path, size: size, modifiedNanoseconds: modifiedNanoseconds,
            inode: inode, isExecutable: isExecutable)
    }

    /// A file record whose bytes are at `path`.
    public init(
        relativePath: String, path: String, size: Int64, modifiedNanoseconds: Int64 = 0, inode: UInt64 = 0,
        isExecutable: Bool = false
    ) {
        self.relativePath = relativePath
        self.path = path
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
    /// A symlink inside the skill leads to something that is not a regular file (a folder, a
    /// FIFO, a device), or nowhere: `what` says which.
    case linkToNonFile(path: String, target: String, what: String)
    /// A file name that is not valid UTF-8 (`path` shows the bad bytes as `\xFF`).
    case nonUTF8Name(path: String)
    /// A folder or file could not be read.
    case unreadable(path: String, reason: String)
    /// A file name that cannot be carried safely (control characters, backslash, bidi override).
    case badName(path: String)
    /// Two names in one folder that are one file on case-insensitive or normalising file systems.
    case nameClash(path: String, other: String)
    /// A file larger than the manifest's `limits.max_file_bytes`.
    case tooLarge(path: String, size: Int64, limit: Int64)
    /// More files than `limits.max_files`.
    case tooManyFiles(path: String, limit: Int)
    /// Folders nested deeper than `limits.max_depth`.
    case tooDeep(path: String, limit: Int)

    /// One line naming the file and the problem.
    public var description: String {
        switch self {
        case .unsafeSymlink(let path, let target):
            "\(path): symlink to \(target) leads outside the skill (not followed)"
        case .linkToNonFile(let path, let target, let what):
            "\(path): symlink to \(target) leads to \(what), not a regular file (not followed)"
        case .nonUTF8Name(let path):
            "\(path): file name is not valid UTF-8 (bad bytes shown as \\x..)"
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .badName(let path):
            "\(path): file name contains a control character, backslash or bidirectional override"
        case .nameClash(let path, let other):
            "\(path): name differs from \(other) only in case or Unicode normalisation "
                + "(one file on macOS and Windows)"
        case .tooLarge(let path, let size, let limit):
            "\(path): file is \(size) bytes, over the limit of \(limit) (limits.max_file_bytes in manifest.json)"
        case .tooManyFiles(let path, let limit):
            "\(path): skill has more than \(limit) files (limits.max_files in manifest.json)"
        case .tooDeep(let path, let limit):
            "\(path): folders nest more than \(limit) levels deep (limits.max_depth in manifest.json)"
        }
    }

    /// The file or folder the error names.
    public var path: String {
        switch self {
        case .unsafeSymlink(let path, _), .linkToNonFile(let path, _, _), .nonUTF8Name(let path),
            .unreadable(let path, _), .badName(let path), .nameClash(let path, _),
            .tooLarge(let path, _, _), .tooManyFiles(let path, _), .tooDeep(let path, _):
            path
        }
    }
}

/// Lists a skill's regular files in checksum order, refusing symlinks that leave the skill.
public enum SkillFiles {
    /// Every regular file under `root`, sorted by the UTF-8 bytes of the relative path.
    ///
    /// A symlink is followed only when it resolves to a regular file inside `root`; any other
    /// symlink (outside, dangling, or to a folder) is an error naming it. Names that clash on
    /// case-insensitive or normalising file systems, or carry control or bidi characters, are
    /// errors. With `limits`, files over the size limit, too many files and too deep folders
    /// are errors too (the walk stops at the first).
    public static func list(_ root: URL, limits: SkillLimits? = nil) throws(SkillFilesError) -> [SkillFile] {
        try walk(root, limits: limits, recordingFolders: false).files
    }

    /// `list`, with the identity of every folder walked (the root first, then as met); the
    /// folders are nil when a symlink was followed (its target is not described by them).
    static func listWithFolders(
        _ root: URL, limits: SkillLimits? = nil
    ) throws(SkillFilesError) -> (files: [SkillFile], folders: [FolderStamp]?) {
        try walk(root, limits: limits, recordingFolders: true)
    }

    private static func walk(
        _ root: URL, limits: SkillLimits?, recordingFolders: Bool
    ) throws(SkillFilesError) -> (files: [SkillFile], folders: [FolderStamp]?) {
        let rootPath = root.path
        var walk = Walk(realRoot: RealRoot(path: rootPath), limits: limits)
        walk.folders = recordingFolders ? [] : nil
        try walk.folder(rootPath, relative: "", depth: 0)
        walk.files.sort { UTF8Order.precedes($0.relativePath, $1.relativePath) }
        return (walk.files, walk.folders)
    }

    /// True for a character a file name must not carry: C0 controls, DEL, backslash, and the
    /// bidirectional controls that make a name read differently from what it is.
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F, 0x5C: true
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Throws when two of `names` are one file where case or Unicode normalisation is ignored.
    private static func checkClashes(_ names: [String], in folder: String) throws(SkillFilesError) {
        var folded: [String: String] = [:]
        folded.reserveCapacity(names.count)
        for name in names {
            // String equality is canonical equivalence, so NFC/NFD twins land on one key.
            if let other = folded.updateValue(name, forKey: name.lowercased()) {
                let pair = [other, name].sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                throw .nameClash(path: folder + "/" + pair[1], other: pair[0])
            }
        }
    }

    /// One walk's state: what was found and what the limits still allow.
    private struct Walk {
        var realRoot: RealRoot
        let limits: SkillLimits?
        var files: [SkillFile] = []
        /// Each folder's identity, when recording (nil otherwise, or once a symlink is followed).
        var folders: [FolderStamp]?

        mutating func folder(_ folder: String, relative: String, depth: Int) throws(SkillFilesError) {
            if let limits, depth > limits.maxDepth { throw .tooDeep(path: folder, limit: limits.maxDepth) }
            guard let dir = opendir(folder) else {
                throw .unreadable(path: folder, reason: String(cString: strerror(errno)))
            }
            defer { closedir(dir) }
            if folders != nil {
                var info = stat()
                guard fstat(dirfd(dir), &info) == 0 else {
                    throw .unreadable(path: folder, reason: String(cString: strerror(errno)))
                }
                folders?.append(FolderStamp(relative: relative, info: info))
            }
            var names: [String] = []
            var types: [UInt8] = []
            while let entry = readdir(dir) {
                let decoded = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(validating: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                // A name that is not UTF-8 would turn into another name (U+FFFD) and be missing.
                guard let name = decoded else {
                    let shown = withUnsafeBytes(of: entry.pointee.d_name) { SkillFiles.escaped($0.prefix(while: { $0 != 0 })) }
                    throw .nonUTF8Name(path: folder + "/" + shown)
                }
                if name == "." || name == ".." { continue }
                if name.unicodeScalars.contains(where: SkillFiles.isRefused) {
                    throw .badName(path: folder + "/" + name)
                }
                names.append(name)
                types.append(entry.pointee.d_type)
            }
            if names.count > 1 { try SkillFiles.checkClashes(names, in: folder) }
            for (name, type) in zip(names, types) {
                try entry(name, type: type, in: dir, folder: folder, relative: relative, depth: depth)
            }
        }

        private mutating func entry(
            _ name: String, type: UInt8, in dir: OpaquePointer, folder: String, relative: String, depth: Int
        ) throws(SkillFilesError) {
            let path = folder + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            // A real folder (the entry's type says so; a link to one says DT_LNK) needs no lstat.
            if type == UInt8(DT_DIR) {
                try self.folder(path, relative: rel, depth: depth + 1)
                return
            }
            var info = stat()
            // lstat relative to the open folder: the kernel skips walking the whole path again.
            guard fstatat(dirfd(dir), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                try self.folder(path, relative: rel, depth: depth + 1)
            case S_IFREG:
                try add(SkillFiles.file(rel, path: path, info: info), path: path)
            case S_IFLNK:
                folders = nil
                guard let target = SkillFiles.realPath(path) else {
                    throw .linkToNonFile(path: path, target: SkillFiles.linkText(path), what: "nothing (or a loop)")
                }
                var targetInfo = stat()
                guard let root = realRoot.resolved, target.hasPrefix(root + "/") else {
                    throw .unsafeSymlink(path: path, target: SkillFiles.linkText(path))
                }
                guard stat(target, &targetInfo) == 0 else {
                    throw .unreadable(path: path, reason: String(cString: strerror(errno)))
                }
                guard targetInfo.st_mode & S_IFMT == S_IFREG else {
                    throw .linkToNonFile(
                        path: path, target: SkillFiles.linkText(path), what: BoundedFile.kind(targetInfo.st_mode))
                }
                try add(SkillFiles.file(rel, path: target, info: targetInfo), path: path)
            default:
                return  // sockets, fifos and devices are not skill content
            }
        }

        private mutating func add(_ file: SkillFile, path: String) throws(SkillFilesError) {
            if let limits {
                if file.size > limits.maxFileBytes {
                    throw .tooLarge(path: path, size: file.size, limit: limits.maxFileBytes)
                }
                if files.count >= limits.maxFiles {
                    throw .tooManyFiles(path: realRoot.path, limit: limits.maxFiles)
                }
            }
            files.append(file)
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

    /// The file at `path` as its `lstat` (or its target's `stat`) describes it.
    static func file(_ relative: String, path: String, info: stat) -> SkillFile {
        SkillFile(
            relativePath: relative, path: path, size: Int64(info.st_size),
            modifiedNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000
                + Int64(info.st_mtim.tv_nsec),
            inode: UInt64(info.st_ino), isExecutable: info.st_mode & 0o111 != 0)
    }

    fileprivate static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `bytes` as one printable line: valid UTF-8 as it is, every other byte and every C0
    /// control or DEL written `\xFF`.
    static func escaped(_ bytes: some Collection<UInt8>) -> String {
        var out = ""
        var rest = Array(bytes)[...]
        while let first = rest.first {
            let length = first < 0x80 ? 1 : first >= 0xF8 ? 0 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 0
            if length > 0, first >= 0x20, first != 0x7F, rest.count >= length,
                let text = String(validating: rest.prefix(length), as: UTF8.self)
            {
                out += text
                rest = rest.dropFirst(length)
            } else {
                out += (first < 0x10 ? "\\x0" : "\\x") + String(first, radix: 16, uppercase: true)
                rest = rest.dropFirst()
            }
        }
        return out
    }

    private static func linkText(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return "?" }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
