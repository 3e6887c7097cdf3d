public import Foundation

/// Reads files in large chunks through POSIX calls, without Foundation's per-file overhead.
public enum FileBytes {
    /// Size of one read.
    static let chunkSize = 1 << 20

    /// Appends `data` to the existing file at `path` (never creates it) with an `O_APPEND`
    /// descriptor; false unless every byte was written. A crash can still cut the append short,
    /// so readers of such files ignore a last line without its newline.
    public static func append(_ data: Data, toExisting path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(fd, raw.baseAddress?.advanced(by: offset), raw.count - offset)
                if written < 0, errno == EINTR { continue }
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }

    /// Calls `body` with each chunk of the file at `url`, in order.
    public static func forEachChunk(
        of url: URL, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try forEachChunk(path: url.path, body)
    }

    /// `forEachChunk(of:_:)` for a file path.
    public static func forEachChunk(
        path: String, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw posixError(path) }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw posixError(path)
            }
            if count == 0 { break }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// The whole file at `url`, read with one buffer sized for `expected` bytes (grown if the
    /// file is longer). A first read that asks for one byte more and gets exactly `expected`
    /// has met the end of the regular file: no second read is made to hear it (one system call
    /// less per file; a file still growing gives more bytes and is read on to its end).
    public static func readAll(_ url: URL, expected: Int) throws -> [UInt8] {
        try readAll(path: url.path, expected: expected)
    }

    /// `readAll(_:expected:)` for a file path.
    public static func readAll(path: String, expected: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw posixError(path) }
        defer { close(fd) }
        var out = [UInt8](repeating: 0, count: max(expected, 0) + 1)
        var used = 0
        while true {
            if used == out.count { out.append(contentsOf: repeatElement(0, count: max(out.count, 4096))) }
            let count = out.withUnsafeMutableBytes { raw in
                raw.baseAddress.map { read(fd, $0 + used, raw.count - used) } ?? 0
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw posixError(path)
            }
            if count == 0 { break }
            used += count
            if used == expected, expected > 0, used < out.count { break }
        }
        out.removeSubrange(used...)
        return out
    }

    /// Copies `source` to `destination` (mode 0755 when `executable`, else 0644, before the
    /// umask) while feeding every chunk to `observe`; one read serves the copy and a checksum.
    public static func copy(
        _ source: URL, to destination: URL, executable: Bool = false,
        observe: (UnsafeRawBufferPointer) -> Void
    ) throws {
        try copy(path: source.path, to: destination.path, executable: executable, observe: observe)
    }

    /// `copy(_:to:executable:observe:)` for file paths.
    public static func copy(
        path source: String, to destination: String, executable: Bool = false,
        observe: (UnsafeRawBufferPointer) -> Void
    ) throws {
        let out = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, executable ? 0o755 : 0o644)
        guard out >= 0 else { throw posixError(destination) }
        defer { close(out) }
        try forEachChunk(path: source) { chunk in
            observe(chunk)
            var offset = 0
            while offset < chunk.count {
                let written = write(out, chunk.baseAddress?.advanced(by: offset), chunk.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw posixError(destination)
                }
                offset += written
            }
        }
    }

    /// An error carrying the path and the system's reason for the current `errno`.
    static func posixError(_ path: String) -> NSError {
        let code = errno
        return NSError(
            domain: NSPOSIXErrorDomain, code: Int(code),
            userInfo: [
                NSFilePathErrorKey: path,
                NSLocalizedDescriptionKey: "\(path): \(String(cString: strerror(code)))",
            ])
    }
}

/// Folder creation with plain `mkdir` calls: one call when the parent exists (the common case),
/// where Foundation's `createDirectory` stats every ancestor first.
public enum Folders {
    /// `make(_:spreading:)` marking every folder it creates when `spreading`.
    public static func make(_ path: String, spreading: Bool) throws {
        try make(path, spreading: { _ in spreading })
    }

    /// Creates `path` and any missing ancestors; an existing folder is fine. Each folder it
    /// creates for which `spreading` is true is marked with `FolderSpread` (folders that will
    /// hold a folder per skill or per repository).
    public static func make(_ path: String, spreading: (String) -> Bool = { _ in false }) throws {
        if mkdir(path, 0o755) == 0 {
            if spreading(path) { FolderSpread.mark(path) }
            return
        }
        if errno == EEXIST { return }
        guard errno == ENOENT else { throw FileBytes.posixError(path) }
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != path else { throw FileBytes.posixError(path) }
        try make(parent, spreading: spreading)
        if mkdir(path, 0o755) == 0 {
            if spreading(path) { FolderSpread.mark(path) }
        } else if errno != EEXIST {
            throw FileBytes.posixError(path)
        }
    }
}
