package import Foundation

/// Reads a file line by line in fixed-size chunks, so memory stays flat whatever the size.
package enum LineReader {
    /// Calls `body` with each line's bytes (without the newline); the last line is passed
    /// even when it has no newline. A missing file reads as empty.
    package static func forEachLine(
        in url: URL, chunkSize: Int = 1 << 20, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return }
            throw EventLogError.io(path: url.path, code: errno)
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var carry = 0  // bytes of an unfinished line kept at the start of `buffer`
        while true {
            if carry == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            let count = buffer.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress.map { $0 + carry }, raw.count - carry)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw EventLogError.io(path: url.path, code: errno)
            }
            if count == 0 {
                if carry > 0 { try buffer.withUnsafeBufferPointer { try body(.init(rebasing: $0[0..<carry])) } }
                return
            }
            let end = carry + count
            let consumed = try buffer.withUnsafeBufferPointer { all -> Int in
                var start = 0
                while start < end, let base = all.baseAddress,
                    let hit = memchr(base + start, 0x0A, end - start)
                {
                    let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    try body(.init(rebasing: all[start..<position]))
                    start = position + 1
                }
                return start
            }
            carry = end - consumed
            if carry > 0, consumed > 0 {
                buffer.withUnsafeMutableBufferPointer { all in
                    if let base = all.baseAddress { memmove(base, base + consumed, carry) }
                }
            }
        }
    }
}
