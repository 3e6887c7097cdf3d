import Foundation

/// Reads a whole regular file of bounded size without following a symlink in its last
/// component and without blocking on a FIFO or device: for files in untrusted checkouts.
enum BoundedFile {
    /// Why a file was not read; `description` is the reason only (callers name the file).
    enum Failure: Error, CustomStringConvertible, Equatable {
        /// `open`/`read` failed with this `errno`.
        case system(Int32)
        /// Not a regular file: what it is (`a FIFO`, `a symlink`, …).
        case notRegular(String)
        /// Larger than the limit.
        case tooLarge(size: Int64, limit: Int)

        var description: String {
            switch self {
            case .system(let code): String(cString: strerror(code))
            case .notRegular(let kind): "is \(kind), not a regular file"
            case .tooLarge(let size, let limit): "is \(size) bytes, over the limit of \(limit)"
            }
        }
    }

    /// The bytes of `path`, which must be a regular file (not a symlink) of at most `limit` bytes.
    static func read(_ path: String, limit: Int) throws(Failure) -> Data {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            // O_NOFOLLOW on a symlink fails with ELOOP: say what it is.
            var info = stat()
            if code == ELOOP, lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK { throw .notRegular("a symlink") }
            throw .system(code)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system(errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notRegular(kind(info.st_mode)) }
        guard info.st_size <= Int64(limit) else { throw .tooLarge(size: Int64(info.st_size), limit: limit) }
        var data = Data(count: Int(info.st_size))
        var filled = 0
        var failure: Int32 = 0
        data.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            while filled < raw.count {
                let count = Foundation.read(fd, base + filled, raw.count - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if count == 0 { break }
                filled += count
            }
        }
        if failure != 0 { throw .system(failure) }
        return filled == data.count ? data : data.prefix(filled)
    }

    /// What a file of `mode` is, in words.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symlink"
        default: "an unknown kind of file"
        }
    }
}
