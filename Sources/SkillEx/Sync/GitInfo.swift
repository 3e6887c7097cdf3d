import Foundation

/// The commit and branch of a git checkout, read from `.git` directly (no `git` process).
///
/// The checkout is untrusted, so the reading is strict: only regular files (no symlink as the
/// last component, no FIFO or device) of bounded size, only inside a git folder (a path with a
/// `.git` component: the checkout's own, or the `.git/worktrees/…` or `.git/modules/…` folder a
/// worktree's or submodule's `.git` file names), refs only of the form `refs/…` without `..`,
/// and a commit only when it is a 40- or 64-digit hex object id. Anything else records no commit.
struct GitInfo: Equatable {
    var commit: String?
    var branch: String?

    /// Most bytes read from `HEAD`, a loose ref, a `.git` file or `commondir`.
    static let smallFileLimit = 4096
    /// Most bytes read from `packed-refs`.
    static let packedRefsLimit = 64 << 20

    /// Reads `repo/.git`; nil when `repo` is not a git checkout (or its metadata is not trusted).
    static func read(_ repo: URL) -> GitInfo? {
        guard let gitDir = gitFolder(of: repo.path) else { return nil }
        guard let head = text(gitDir + "/HEAD", limit: smallFileLimit) else { return nil }
        if isObjectID(head) { return GitInfo(commit: head, branch: nil) }
        guard head.hasPrefix("ref: ") else { return nil }
        let ref = String(head.dropFirst(5))
        guard isValidRef(ref) else { return nil }
        let branch = ref.hasPrefix("refs/heads/") ? String(ref.dropFirst("refs/heads/".count)) : nil
        return GitInfo(commit: resolve(ref, in: gitDir), branch: branch)
    }

    /// The canonical path of the checkout's git folder: `.git` itself, or the folder a `.git`
    /// file names; nil when there is none or it is not a git folder.
    private static func gitFolder(of repo: String) -> String? {
        let dotGit = repo + "/.git"
        var info = stat()
        guard lstat(dotGit, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR, S_IFLNK:
            return gitPath(dotGit)
        case S_IFREG:
            // A worktree or submodule: `.git` is a file saying `gitdir: <path>`.
            guard let line = text(dotGit, limit: smallFileLimit), line.hasPrefix("gitdir: ") else { return nil }
            let path = String(line.dropFirst("gitdir: ".count))
            return gitPath(path.hasPrefix("/") ? path : repo + "/" + path)
        default:
            return nil
        }
    }

    /// The canonical path of `path` when it is a folder inside a `.git` folder, else nil.
    private static func gitPath(_ path: String) -> String? {
        guard let real = RealPath.of(path), real.split(separator: "/").contains(".git") else { return nil }
        var info = stat()
        guard stat(real, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return real
    }

    private static func resolve(_ ref: String, in gitDir: String) -> String? {
        var candidates = [gitDir]
        // Linked worktrees keep refs in the common dir.
        if let common = text(gitDir + "/commondir", limit: smallFileLimit),
            let folder = gitPath(common.hasPrefix("/") ? common : gitDir + "/" + common)
        {
            candidates.append(folder)
        }
        for dir in candidates {
            let loose = dir + "/" + ref
            // A folder under refs/ that is a symlink must not take the read elsewhere.
            if let real = RealPath.of(loose), RealPath.isInside(real, root: dir),
                let id = text(real, limit: smallFileLimit), isObjectID(id)
            {
                return id
            }
            if let id = packed(ref, in: dir) { return id }
        }
        return nil
    }

    /// The id `packed-refs` in `dir` gives `ref`, if it holds a valid one.
    private static func packed(_ ref: String, in dir: String) -> String? {
        guard let data = try? BoundedFile.read(dir + "/packed-refs", limit: packedRefsLimit) else { return nil }
        let suffix = Array((" " + ref).utf8)
        for line in data.split(separator: UInt8(ascii: "\n")) {
            var bytes = Array(line)
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            guard bytes.count == suffix.count + 40 || bytes.count == suffix.count + 64,
                bytes.suffix(suffix.count).elementsEqual(suffix)
            else { continue }
            let id = String(decoding: bytes.prefix(bytes.count - suffix.count), as: UTF8.self)
            return isObjectID(id) ? id : nil
        }
        return nil
    }

    /// The trimmed UTF-8 text of a small regular file, or nil.
    private static func text(_ path: String, limit: Int) -> String? {
        guard let data = try? BoundedFile.read(path, limit: limit),
            let text = String(validating: data, as: UTF8.self)
        else { return nil }
        return Trim.whitespacesAndNewlines(text)
    }

    /// True for a SHA-1 (40) or SHA-256 (64) object id in lowercase hex.
    static func isObjectID(_ text: String) -> Bool {
        (text.utf8.count == 40 || text.utf8.count == 64)
            && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// True for a ref git itself could have written: `refs/` and components that are not empty,
    /// do not start with `.`, hold no `..`, control characters, spaces or `~^:?*[\`, and do not
    /// end in `.lock`.
    static func isValidRef(_ ref: String) -> Bool {
        guard ref.hasPrefix("refs/"), ref.utf8.count <= 1024, !ref.contains(".."), !ref.contains("@{") else {
            return false
        }
        let parts = ref.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        let forbidden = Set(" ~^:?*[\\".utf8)
        for part in parts {
            guard !part.isEmpty, !part.hasPrefix("."), !part.hasSuffix(".lock"), !part.hasSuffix("."),
                !part.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || forbidden.contains($0) })
            else { return false }
        }
        return true
    }
}
