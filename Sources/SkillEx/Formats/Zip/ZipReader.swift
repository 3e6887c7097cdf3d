public import Foundation

/// One entry of an archive's central directory.
public struct ZipEntryInfo: Sendable, Equatable {
    /// Path inside the archive.
    public var name: String
    /// 0 stored, 8 deflate.
    public var method: UInt16
    /// General-purpose flags.
    public var flags: UInt16
    /// CRC-32 of the uncompressed bytes.
    public var crc32: UInt32
    /// Stored size.
    public var compressedSize: UInt64
    /// Size after inflating.
    public var uncompressedSize: UInt64
    /// Offset of the local header.
    public var localHeaderOffset: UInt64
    /// Unix mode (type and permission bits) when the archive was made on Unix, else nil.
    public var unixMode: UInt32?

    /// True for a folder entry (name ends with `/`).
    public var isDirectory: Bool { name.hasSuffix("/") }
    /// True when the Unix mode marks a symbolic link.
    public var isSymlink: Bool { unixMode.map { $0 & 0o170000 == 0o120000 } ?? false }
    /// True when any execute bit is set.
    public var isExecutable: Bool { unixMode.map { $0 & 0o111 != 0 } ?? false }
}

/// Reads a ZIP archive held in memory: central directory (with ZIP64), entries inflated and
/// checked against their CRC. Every read is bounds-checked; damage is an error, never a trap.
public struct ZipReader: Sendable {
    /// The archive's bytes.
    public let data: Data
    /// Entries in central-directory order.
    public let entries: [ZipEntryInfo]
    private let label: String

    /// Parses the central directory of `data`; `label` names the archive in errors.
    /// `checkCount` sees the entry count the archive declares before any record is read, so a
    /// directory of millions of entries can be refused without parsing it.
    public init(
        data: Data, label: String, checkCount: (UInt64) throws(ZipError) -> Void = { _ in }
    ) throws(ZipError) {
        self.data = data
        self.label = label
        entries = try Self.centralDirectory(ByteCursor(data: data, label: label), checkCount: checkCount)
    }

    /// The uncompressed bytes of `entry`, checked against its size and CRC.
    public func contents(of entry: ZipEntryInfo) throws(ZipError) -> Data {
        let payload = try storedPayload(of: entry)
        let size = try Self.plausibleSize(entry)
        let bytes: Data
        switch entry.method {
        case ZipFormat.methodStored:
            guard UInt64(payload.count) == entry.uncompressedSize else {
                throw .corrupt(entry: entry.name, reason: "stored size mismatch")
            }
            bytes = payload
        case ZipFormat.methodDeflate:
            bytes = try ZipCompressor.inflate(payload, size: size, entry: entry.name)
        default:
            throw .unsupported(entry: entry.name, reason: "compression method \(entry.method)")
        }
        guard ZipCompressor.crc32(bytes) == entry.crc32 else {
            throw .corrupt(entry: entry.name, reason: "CRC-32 mismatch")
        }
        return bytes
    }

    /// The bytes of `entry` as the archive stores them (deflated or stored, not inflated or
    /// checked): what another archive copies to carry the same entry without deflating again.
    public func storedPayload(of entry: ZipEntryInfo) throws(ZipError) -> Data {
        data.subdata(in: try payloadRange(of: entry))
    }

    /// `storedPayload` without the copy: a slice sharing the archive's bytes (the mapped file),
    /// indexed from the entry's offset, not 0. For a writer that only counts and streams it.
    func storedPayloadView(of entry: ZipEntryInfo) throws(ZipError) -> Data {
        data[try payloadRange(of: entry)]
    }

    /// Where `entry`'s local header starts (an index of `data`) and its length, bounds-checked;
    /// its stored bytes follow it.
    func localHeaderRange(of entry: ZipEntryInfo) throws(ZipError) -> Range<Int> {
        let payload = try payloadRange(of: entry)
        let start = try ByteCursor(data: data, label: entry.name).offset(entry.localHeaderOffset)
        return start..<payload.lowerBound
    }

    /// Where `entry`'s stored bytes lie in `data` (indices of `data`), bounds-checked.
    private func payloadRange(of entry: ZipEntryInfo) throws(ZipError) -> Range<Int> {
        let cursor = ByteCursor(data: data, label: entry.name)
        guard entry.flags & 0x0001 == 0 else { throw .unsupported(entry: entry.name, reason: "encrypted") }
        let start = try cursor.offset(entry.localHeaderOffset)
        guard try cursor.u32(at: start) == ZipFormat.localHeaderSignature else {
            throw .corrupt(entry: entry.name, reason: "local header missing")
        }
        let nameLength = Int(try cursor.u16(at: start + 26))
        let extraLength = Int(try cursor.u16(at: start + 28))
        return try cursor.range(at: start + 30 + nameLength + extraLength, count: entry.compressedSize)
    }

    /// The bytes of the entry named `name`, or nil when there is none.
    public func contents(named name: String) throws(ZipError) -> Data? {
        guard let entry = entries.first(where: { $0.name == name }) else { return nil }
        return try contents(of: entry)
    }

    // MARK: - Parsing

    /// Deflate expands at most ~1032:1, so a larger declared size is a lie (or a bomb).
    private static func plausibleSize(_ entry: ZipEntryInfo) throws(ZipError) -> Int {
        let limit = entry.compressedSize.multipliedReportingOverflow(by: 1032)
        guard !limit.overflow, entry.uncompressedSize <= limit.partialValue + 64,
            entry.uncompressedSize < UInt64(Int.max / 2)
        else { throw .corrupt(entry: entry.name, reason: "implausible uncompressed size") }
        return Int(entry.uncompressedSize)
    }

    private static func centralDirectory(
        _ cursor: ByteCursor, checkCount: (UInt64) throws(ZipError) -> Void
    ) throws(ZipError) -> [ZipEntryInfo] {
        let end = try findEnd(cursor)
        var count = UInt64(try cursor.u16(at: end + 10))
        var length = UInt64(try cursor.u32(at: end + 12))
        var start = UInt64(try cursor.u32(at: end + 16))
        if end >= 20, try cursor.u32(at: end - 20) == ZipFormat.zip64LocatorSignature {
            let record = try cursor.offset(try cursor.u64(at: end - 20 + 8))
            guard try cursor.u32(at: record) == ZipFormat.zip64EndSignature else {
                throw .corrupt(entry: cursor.label, reason: "ZIP64 end record missing")
            }
            count = try cursor.u64(at: record + 32)
            length = try cursor.u64(at: record + 40)
            start = try cursor.u64(at: record + 48)
        }
        // Each central record is at least 46 bytes: a count the directory cannot hold is damage.
        guard count <= length / 46 + 1 else {
            throw .corrupt(entry: cursor.label, reason: "entry count exceeds the central directory")
        }
        try checkCount(count)
        var position = try cursor.offset(start)
        _ = try cursor.slice(at: position, count: length)
        var entries: [ZipEntryInfo] = []
        entries.reserveCapacity(Int(count))
        for _ in 0..<count {
            let (entry, next) = try record(cursor, at: position)
            entries.append(entry)
            position = next
        }
        return entries
    }

    private static func findEnd(_ cursor: ByteCursor) throws(ZipError) -> Int {
        let size = cursor.data.count
        guard size >= 22 else { throw .corrupt(entry: cursor.label, reason: "too short to be a zip") }
        var position = size - 22
        let lowest = max(0, size - 22 - 65_535)
        while position >= lowest {
            if try cursor.u32(at: position) == ZipFormat.endSignature { return position }
            position -= 1
        }
        throw .corrupt(entry: cursor.label, reason: "end of central directory not found (truncated?)")
    }

    private static func record(_ cursor: ByteCursor, at position: Int) throws(ZipError) -> (ZipEntryInfo, Int) {
        guard try cursor.u32(at: position) == ZipFormat.centralHeaderSignature else {
            throw .corrupt(entry: cursor.label, reason: "central directory record damaged")
        }
        let madeBy = try cursor.u16(at: position + 4)
        let flags = try cursor.u16(at: position + 8)
        let method = try cursor.u16(at: position + 10)
        let crc = try cursor.u32(at: position + 16)
        var compressed = UInt64(try cursor.u32(at: position + 20))
        var uncompressed = UInt64(try cursor.u32(at: position + 24))
        let nameLength = Int(try cursor.u16(at: position + 28))
        let extraLength = Int(try cursor.u16(at: position + 30))
        let commentLength = Int(try cursor.u16(at: position + 32))
        let external = try cursor.u32(at: position + 38)
        var offset = UInt64(try cursor.u32(at: position + 42))
        let nameBytes = try cursor.slice(at: position + 46, count: UInt64(nameLength))
        guard let name = String(validating: nameBytes, as: UTF8.self) else {
            throw .corrupt(entry: cursor.label, reason: "entry name is not UTF-8")
        }
        // ZIP64 extra: only the fields whose 32-bit value is saturated, in this order.
        var extra = position + 46 + nameLength
        let extraEnd = extra + extraLength
        while extra + 4 <= extraEnd {
            let id = try cursor.u16(at: extra)
            let size = Int(try cursor.u16(at: extra + 2))
            if id == ZipFormat.zip64ExtraID {
                var field = extra + 4
                if uncompressed == ZipFormat.max32 { uncompressed = try cursor.u64(at: field); field += 8 }
                if compressed == ZipFormat.max32 { compressed = try cursor.u64(at: field); field += 8 }
                if offset == ZipFormat.max32 { offset = try cursor.u64(at: field) }
            }
            extra += 4 + size
        }
        let entry = ZipEntryInfo(
            name: name, method: method, flags: flags, crc32: crc, compressedSize: compressed,
            uncompressedSize: uncompressed, localHeaderOffset: offset,
            unixMode: madeBy >> 8 == 3 ? external >> 16 : nil)
        return (entry, extraEnd + commentLength)
    }
}

/// Bounds-checked little-endian reads from a `Data`.
struct ByteCursor {
    let data: Data
    let label: String

    func offset(_ value: UInt64) throws(ZipError) -> Int {
        guard value <= UInt64(data.count) else { throw .corrupt(entry: label, reason: "offset beyond the end") }
        return Int(value)
    }

    func slice(at position: Int, count: UInt64) throws(ZipError) -> Data {
        data.subdata(in: try range(at: position, count: count))
    }

    /// The indices of `data` of `count` bytes from `position` (counted from the start).
    func range(at position: Int, count: UInt64) throws(ZipError) -> Range<Int> {
        guard position >= 0, count <= UInt64(data.count), position <= data.count - Int(count) else {
            throw .corrupt(entry: label, reason: "data runs past the end (truncated?)")
        }
        let start = data.startIndex + position
        return start..<(start + Int(count))
    }

    func u16(at position: Int) throws(ZipError) -> UInt16 {
        UInt16(truncatingIfNeeded: try little(at: position, width: 2))
    }

    func u32(at position: Int) throws(ZipError) -> UInt32 {
        UInt32(truncatingIfNeeded: try little(at: position, width: 4))
    }

    func u64(at position: Int) throws(ZipError) -> UInt64 {
        try little(at: position, width: 8)
    }

    private func little(at position: Int, width: Int) throws(ZipError) -> UInt64 {
        guard position >= 0, position <= data.count - width else {
            throw .corrupt(entry: label, reason: "data runs past the end (truncated?)")
        }
        return data.withUnsafeBytes { raw in
            var value: UInt64 = 0
            for index in (0..<width).reversed() { value = value << 8 | UInt64(raw[position + index]) }
            return value
        }
    }
}
