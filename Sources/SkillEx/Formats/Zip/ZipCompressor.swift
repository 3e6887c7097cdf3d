public import Foundation
internal import CSystemZlib

/// One file ready to be written into a ZIP: name, attributes and (possibly deflated) bytes.
public struct CompressedEntry: Sendable {
    /// Path inside the archive, `/`-separated.
    public var name: String
    /// Unix permission bits (0o644 or 0o755).
    public var permissions: UInt16
    /// 0 stored, 8 deflate.
    public var method: UInt16
    /// CRC-32 of the uncompressed bytes.
    public var crc32: UInt32
    /// Size before compression.
    public var uncompressedSize: UInt64
    /// The bytes as stored in the archive.
    public var payload: Data
    /// Where the entry lies in the archive it was copied from, if it was (see `ZipOrigin`).
    var origin: ZipOrigin?
}

/// Raw deflate (no zlib header) and CRC-32 over zlib.
public enum ZipCompressor {
    /// Deflates `bytes` (level 6, like `zip`); keeps them stored when deflate does not shrink them.
    public static func entry(name: String, bytes: Data, permissions: UInt16) throws -> CompressedEntry {
        try Deflater().entry(name: name, bytes: bytes, permissions: permissions)
    }

    /// CRC-32 of `bytes`, in pieces small enough for zlib's 32-bit lengths.
    public static func crc32(_ bytes: Data) -> UInt32 {
        bytes.withUnsafeBytes { raw -> UInt32 in
            var crc: uLong = CSystemZlib.crc32(0, nil, 0)
            var offset = 0
            while offset < raw.count {
                let count = min(raw.count - offset, 1 << 30)
                crc = CSystemZlib.crc32(
                    crc, raw.baseAddress?.advanced(by: offset).assumingMemoryBound(to: Bytef.self),
                    uInt(count))
                offset += count
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }

    /// Raw inflate of `payload`, which must give exactly `size` bytes.
    static func inflate(_ payload: Data, size: Int, entry: String) throws(ZipError) -> Data {
        var stream = z_stream()
        let status = inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw .zlib("inflateInit2", status) }
        defer { inflateEnd(&stream) }
        // One spare byte: output beyond the declared size shows up as produced > size.
        var out = Data(count: size + 1)
        var result: Int32 = Z_OK
        var produced = 0
        payload.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in
                stream.next_in = UnsafeMutablePointer(
                    mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
                stream.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
                var inputLeft = input.count
                var outputLeft = output.count
                repeat {
                    let inChunk = min(inputLeft, Int(UInt32.max >> 1))
                    let outChunk = min(outputLeft, Int(UInt32.max >> 1))
                    stream.avail_in = uInt(inChunk)
                    stream.avail_out = uInt(outChunk)
                    result = CSystemZlib.inflate(&stream, Z_NO_FLUSH)
                    let usedIn = inChunk - Int(stream.avail_in)
                    let usedOut = outChunk - Int(stream.avail_out)
                    inputLeft -= usedIn
                    outputLeft -= usedOut
                    if usedIn == 0 && usedOut == 0 { break }
                } while result == Z_OK
                produced = output.count - outputLeft
            }
        }
        guard result == Z_STREAM_END, produced == size else {
            throw .corrupt(entry: entry, reason: "compressed data is damaged or has the wrong size")
        }
        out.count = size
        return out
    }
}

/// A reusable raw-deflate stream (zlib's window is allocated once per stream, not per file).
public final class Deflater {
    private var stream = z_stream()
    private var isReady = false

    /// A deflater at level 6 (zip's default), raw (no zlib header).
    public init() throws {
        let status = deflateInit2_(
            &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw ZipError.zlib("deflateInit2", status) }
        isReady = true
    }

    deinit { if isReady { deflateEnd(&stream) } }

    /// An entry for `bytes`: deflated when that makes it smaller, else stored.
    public func entry(name: String, bytes: Data, permissions: UInt16) throws -> CompressedEntry {
        let crc = ZipCompressor.crc32(bytes)
        var method = ZipFormat.methodStored
        var payload = bytes
        if looksCompressible(bytes), let deflated = try deflate(bytes), deflated.count < bytes.count {
            method = ZipFormat.methodDeflate
            payload = deflated
        }
        return CompressedEntry(
            name: name, permissions: permissions, method: method, crc32: crc,
            uncompressedSize: UInt64(bytes.count), payload: payload)
    }

    /// Large files whose first 16 KiB do not shrink by 2% (random or already compressed data)
    /// are stored without deflating the rest; the choice depends only on the bytes.
    private func looksCompressible(_ bytes: Data) -> Bool {
        let sample = 16 << 10
        if bytes.isEmpty { return false }
        guard bytes.count > 4 * sample else { return true }
        guard let head = try? deflate(bytes.prefix(sample)) else { return false }
        return head.count < sample * 98 / 100
    }

    /// Raw deflate of `bytes`; nil when the output would not be smaller than the input.
    func deflate(_ bytes: Data) throws -> Data? {
        deflateReset(&stream)
        // Stop at the input size: a stored entry is then at least as small.
        let capacity = bytes.count
        var out = Data(count: capacity)
        var result: Int32 = Z_OK
        let produced: Int = bytes.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in
                stream.next_in = UnsafeMutablePointer(
                    mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
                stream.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
                var inputLeft = input.count
                var outputLeft = output.count
                repeat {
                    let inChunk = min(inputLeft, Int(UInt32.max >> 1))
                    let outChunk = min(outputLeft, Int(UInt32.max >> 1))
                    stream.avail_in = uInt(inChunk)
                    stream.avail_out = uInt(outChunk)
                    result = CSystemZlib.deflate(&stream, inChunk == inputLeft ? Z_FINISH : Z_NO_FLUSH)
                    inputLeft -= inChunk - Int(stream.avail_in)
                    outputLeft -= outChunk - Int(stream.avail_out)
                } while result == Z_OK && outputLeft > 0
                return output.count - outputLeft
            }
        }
        guard result == Z_STREAM_END else {
            if result == Z_OK || result == Z_BUF_ERROR { return nil }
            throw ZipError.zlib("deflate", result)
        }
        out.count = produced
        return out
    }

}
