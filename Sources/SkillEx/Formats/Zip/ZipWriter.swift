public import Foundation

/// Writes a ZIP archive entry by entry to a file (or to memory, `inMemory`): fixed timestamp,
/// Unix permissions, no extra fields except ZIP64 where a size, offset or the entry count needs it.
///
/// The caller adds entries in the order they should appear (SkillEx sorts by path bytes); the
/// same entries always give the same bytes.
public final class ZipWriter {
    private let fd: Int32
    private let path: String
    private let timestamp: DOSTimestamp
    private var buffer: [UInt8] = []
    private var offset: UInt64 = 0
    private var central = ByteBuffer()
    /// The local header being made, kept so its storage is reused.
    private var local = ByteBuffer()
    private var count: UInt64 = 0
    private var isClosed = false
    private var hasher = SHA256Hasher()
    /// Hashes the file on another core as it is written, when asked for (large archives).
    private let follower: FollowingHasher?
    /// Bytes of another archive still to be copied here, whole (`ZipOrigin`): neighbouring
    /// copied entries extend it, anything else written first sends it.
    private var run: (file: ZipSourceFile, start: Int, end: Int)?
    private let durable: Bool
    /// The archive's bytes when it is made in memory (no file, no hash); nil for a file.
    private var memory: [UInt8]?

    /// Creates (or truncates) the file at `url`; `durable: false` skips the fsync in `finish`
    /// (for files that can be made again, such as the site's); `hashBeside` hashes the archive
    /// on another core while it is written (worth a thread for a pack, not for a small zip).
    public init(url: URL, timestamp: DOSTimestamp, durable: Bool = true, hashBeside: Bool = false) throws {
        path = url.path
        self.timestamp = timestamp
        self.durable = durable
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw FileBytes.posixError(path) }
        follower = hashBeside ? FollowingHasher(path: path) : nil
        buffer.reserveCapacity(1 << 20)
    }

    /// A writer whose archive stays in memory, for `finishInMemory` (small archives).
    private init(timestamp: DOSTimestamp) {
        path = "(memory)"
        self.timestamp = timestamp
        durable = false
        fd = -1
        follower = nil
        memory = []
    }

    /// A writer that keeps the archive in memory: no file is made, nothing is hashed.
    public static func inMemory(timestamp: DOSTimestamp) -> ZipWriter { ZipWriter(timestamp: timestamp) }

    deinit {
        if !isClosed, fd >= 0 { close(fd) }
        follower?.abandon()
    }

    /// Bytes written so far (the archive's size once `finish` returns).
    public var size: UInt64 { offset + UInt64(buffer.count) + UInt64(run.map { $0.end - $0.start } ?? 0) }

    /// Appends one entry: local header, then its payload.
    public func add(_ entry: CompressedEntry) throws {
        let nameCount = entry.name.utf8.count
        let compressed = UInt64(entry.payload.count)
        let headerOffset = size
        let local64 = entry.uncompressedSize >= ZipFormat.max32 || compressed >= ZipFormat.max32
        // The local header is made in a buffer kept between entries (no allocation per entry).
        local.bytes.removeAll(keepingCapacity: true)
        local.u32(ZipFormat.localHeaderSignature)
        local.u16(local64 ? ZipFormat.versionZip64 : ZipFormat.versionDeflate)
        local.u16(ZipFormat.utf8Flag)
        local.u16(entry.method)
        local.u16(timestamp.time)
        local.u16(timestamp.date)
        local.u32(entry.crc32)
        local.u32(local64 ? UInt32.max : UInt32(compressed))
        local.u32(local64 ? UInt32.max : UInt32(entry.uncompressedSize))
        local.u16(UInt16(clamping: nameCount))
        local.u16(local64 ? 20 : 0)
        local.append(entry.name.utf8)
        if local64 {
            local.u16(ZipFormat.zip64ExtraID)
            local.u16(16)
            local.u64(entry.uncompressedSize)
            local.u64(compressed)
        }
        // An entry copied from another archive whose header there is this very header: its bytes
        // are sent from that file whole (only with the hash made beside, which reads the file back).
        if follower != nil, let origin = entry.origin, origin.length == local.bytes.count + entry.payload.count,
            Self.same(origin.header, local.bytes)
        {
            try queue(origin)
        } else {
            try local.bytes.withUnsafeBytes { try emit($0) }
            try entry.payload.withUnsafeBytes { try emit($0) }
        }

        // Central record: only the fields that overflow go into the ZIP64 extra, in APPNOTE order.
        var extra = ByteBuffer()
        if entry.uncompressedSize >= ZipFormat.max32 { extra.u64(entry.uncompressedSize) }
        if compressed >= ZipFormat.max32 { extra.u64(compressed) }
        if headerOffset >= ZipFormat.max32 { extra.u64(headerOffset) }
        let needs64 = !extra.bytes.isEmpty
        let version = needs64 ? ZipFormat.versionZip64 : ZipFormat.versionDeflate
        central.u32(ZipFormat.centralHeaderSignature)
        central.u16(ZipFormat.unixHost | version)
        central.u16(version)
        central.u16(ZipFormat.utf8Flag)
        central.u16(entry.method)
        central.u16(timestamp.time)
        central.u16(timestamp.date)
        central.u32(entry.crc32)
        central.u32(compressed >= ZipFormat.max32 ? UInt32.max : UInt32(compressed))
        central.u32(entry.uncompressedSize >= ZipFormat.max32 ? UInt32.max : UInt32(entry.uncompressedSize))
        central.u16(UInt16(clamping: nameCount))
        central.u16(needs64 ? UInt16(extra.bytes.count + 4) : 0)
        central.u16(0)  // comment
        central.u16(0)  // disk
        central.u16(0)  // internal attributes
        central.u32((UInt32(0o100000 | UInt32(entry.permissions & 0o777))) << 16)
        central.u32(headerOffset >= ZipFormat.max32 ? UInt32.max : UInt32(headerOffset))
        central.append(entry.name.utf8)
        if needs64 {
            central.u16(ZipFormat.zip64ExtraID)
            central.u16(UInt16(extra.bytes.count))
            central.append(extra.bytes)
        }
        count += 1
    }

    /// True when `header` holds exactly `bytes` (compared as memory, not byte by byte through `Data`).
    private static func same(_ header: Data, _ bytes: [UInt8]) -> Bool {
        guard header.count == bytes.count else { return false }
        return header.withUnsafeBytes { stored in
            bytes.withUnsafeBytes { made in
                guard let left = stored.baseAddress, let right = made.baseAddress else { return stored.count == 0 }
                return memcmp(left, right, made.count) == 0
            }
        }
    }

    /// Writes the central directory and end records, flushes and closes the file; returns the
    /// archive's SHA-256 (lowercase hex), computed as it was written.
    @discardableResult
    public func finish() throws -> String {
        precondition(memory == nil, "an in-memory archive ends with finishInMemory")
        try writeDirectory()
        try flush()
        guard !durable || fsync(fd) == 0 else { throw FileBytes.posixError(path) }
        isClosed = true
        guard close(fd) == 0 else { throw FileBytes.posixError(path) }
        if let follower { return try follower.finish(size: offset) }
        var finished = SHA256Hasher()
        swap(&finished, &hasher)
        return Digest.hex(finished.finalize())
    }

    /// Writes the central directory and end records of an `inMemory` archive; its bytes.
    public func finishInMemory() throws -> [UInt8] {
        precondition(memory != nil, "a file archive ends with finish")
        try writeDirectory()
        try flush()
        isClosed = true
        defer { memory = [] }
        return memory ?? []
    }

    /// The central directory and the end records, after the last entry.
    private func writeDirectory() throws {
        let start = size
        try emit(central.bytes)
        let length = UInt64(central.bytes.count)
        central = ByteBuffer()
        let needs64 = count >= ZipFormat.max16 || start >= ZipFormat.max32 || length >= ZipFormat.max32
        var end = ByteBuffer()
        if needs64 {
            let recordOffset = size
            end.u32(ZipFormat.zip64EndSignature)
            end.u64(44)
            end.u16(ZipFormat.unixHost | ZipFormat.versionZip64)
            end.u16(ZipFormat.versionZip64)
            end.u32(0)
            end.u32(0)
            end.u64(count)
            end.u64(count)
            end.u64(length)
            end.u64(start)
            end.u32(ZipFormat.zip64LocatorSignature)
            end.u32(0)
            end.u64(recordOffset)
            end.u32(1)
        }
        end.u32(ZipFormat.endSignature)
        end.u16(0)
        end.u16(0)
        end.u16(needs64 ? UInt16.max : UInt16(count))
        end.u16(needs64 ? UInt16.max : UInt16(count))
        end.u32(needs64 ? UInt32.max : UInt32(length))
        end.u32(needs64 ? UInt32.max : UInt32(start))
        end.u16(0)
        try emit(end.bytes)
    }

    // MARK: - Output

    private func emit(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try emit($0) }
    }

    private func emit(_ bytes: UnsafeRawBufferPointer) throws {
        if run != nil { try sendRun() }
        if buffer.count + bytes.count > (1 << 20) { try flush() }
        if bytes.count >= (1 << 20) {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Adds `origin`'s span to the run to send, or starts a new run after sending the one pending.
    private func queue(_ origin: ZipOrigin) throws {
        if let current = run, current.file === origin.file, current.end == origin.offset {
            run = (current.file, current.start, origin.offset + origin.length)
            return
        }
        if run != nil { try sendRun() }
        if !buffer.isEmpty { try flush() }
        run = (origin.file, origin.offset, origin.offset + origin.length)
    }

    /// Bytes of a run sent per `sendfile`: the hasher reads each step back while the next one is
    /// copied (a whole pack sent at once left it nothing to do until the copy ended).
    static let sendStep = 2 << 20

    /// Copies the pending run into the file with `sendfile`, or through memory where the kernel
    /// will not.
    private func sendRun() throws {
        guard let current = run else { return }
        run = nil
        var position = off_t(current.start)
        let end = off_t(current.end)
        let start = offset
        while position < end {
            let sent = sendfile(fd, current.file.descriptor, &position, min(Int(end - position), Self.sendStep))
            if sent < 0 && errno == EINTR { continue }
            if sent <= 0 {
                try copyThroughMemory(from: current.file.descriptor, at: Int(position), count: Int(end - position))
                break
            }
            follower?.advance(to: start + UInt64(position - off_t(current.start)))
        }
        offset = start + UInt64(current.end - current.start)
        follower?.advance(to: offset)
    }

    /// Copies `count` bytes of `source` from `at` into the file (no hashing: only used with the
    /// hash made beside).
    private func copyThroughMemory(from source: Int32, at start: Int, count: Int) throws {
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var done = 0
        while done < count {
            let got = chunk.withUnsafeMutableBytes { pread(source, $0.baseAddress, min($0.count, count - done), off_t(start + done)) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { throw FileBytes.posixError(path) }
            var written = 0
            while written < got {
                let step = chunk.withUnsafeBytes { write(fd, $0.baseAddress?.advanced(by: written), got - written) }
                if step < 0 {
                    if errno == EINTR { continue }
                    throw FileBytes.posixError(path)
                }
                written += step
            }
            done += got
        }
    }

    private func flush() throws {
        // Written from the buffer itself, then emptied in place: a copy would leave `buffer`
        // shared, and emptying it would then allocate (and fault in) a fresh megabyte per flush.
        try buffer.withUnsafeBytes { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        if memory != nil {
            memory?.append(contentsOf: bytes)
            offset += UInt64(bytes.count)
            return
        }
        if follower == nil { hasher.update(bytes) }
        var done = 0
        while done < bytes.count {
            let written = write(fd, bytes.baseAddress?.advanced(by: done), bytes.count - done)
            if written < 0 {
                if errno == EINTR { continue }
                throw FileBytes.posixError(path)
            }
            done += written
        }
        offset += UInt64(bytes.count)
        follower?.advance(to: offset)
    }
}
