public import Foundation

/// Reads files in large chunks through POSIX calls, without Foundation's per-file overhead.
public enum FileBytes {
    /// Size of one read.
    static let chunkSize = 1 << 20

    /// Calls `body` with each chunk of the file at `url`, in order.
    public static func forEachChunk(
        of url: URL, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw posixError(url.path) }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw posixError(url.path)
            }
            if count == 0 { break }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Copies `source` to `destination` (created with mode 0644) while feeding every chunk to
    /// `observe`; one read of the source serves both the copy and, say, a checksum.
    public static func copy(
        _ source: URL, to destination: URL, observe: (UnsafeRawBufferPointer) -> Void
    ) throws {
        let out = open(destination.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard out >= 0 else { throw posixError(destination.path) }
        defer { close(out) }
        try forEachChunk(of: source) { chunk in
            observe(chunk)
            var offset = 0
            while offset < chunk.count {
                let written = write(out, chunk.baseAddress?.advanced(by: offset), chunk.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw posixError(destination.path)
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
