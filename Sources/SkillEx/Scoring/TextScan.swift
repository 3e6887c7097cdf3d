import Foundation

/// Fast byte-level text helpers for the lint rules (Foundation's `contains` and Character-wise
/// `split` dominate a 1,000-skill run otherwise).
package enum TextScan {
    /// The lines of `text` split at `\n` (kept as slices of `text`).
    static func lines(_ text: String) -> [Substring] {
        var copy = text
        let breaks: [Int] = copy.withUTF8 { bytes in
            var found: [Int] = []
            guard let base = bytes.baseAddress else { return found }
            var offset = 0
            while offset < bytes.count, let hit = memchr(base + offset, 0x0A, bytes.count - offset) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                found.append(at)
                offset = at + 1
            }
            return found
        }
        let utf8 = copy.utf8
        var out: [Substring] = []
        out.reserveCapacity(breaks.count + 1)
        var start = utf8.startIndex
        for offset in breaks {
            let end = utf8.index(utf8.startIndex, offsetBy: offset)
            out.append(copy[start..<end])
            start = utf8.index(after: end)
        }
        out.append(copy[start...])
        return out
    }

    /// Calls `body` with each line of `text` (split at `\n`, as `lines`): its 0-based index, the
    /// text's UTF-8 bytes and the line's byte range in them, without making slices.
    static func forEachLine(
        _ text: String, _ body: (_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Void
    ) {
        var copy = text
        copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return body(0, bytes, 0, 0) }
            var start = 0
            var index = 0
            while true {
                var end = bytes.count
                if start < bytes.count, let hit = memchr(base + start, 0x0A, bytes.count - start) {
                    end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                }
                body(index, bytes, start, end)
                if end == bytes.count { return }
                start = end + 1
                index += 1
            }
        }
    }

    /// Unicode scalars in `bytes[start..<end]` (valid UTF-8): the bytes that do not continue one
    /// (`10xxxxxx`), counted eight bytes at a time.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        guard start < end, let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var continuing = 0, index = start
        while index + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // Bit 7 of each byte whose top bits are `10`: bit 7 set, bit 6 (shifted up) clear.
            continuing += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            index += 8
        }
        while index < end {
            if bytes[index] & 0xC0 == 0x80 { continuing += 1 }
            index += 1
        }
        return end - start - continuing
    }

    /// Unicode scalars in `text`, counted from its UTF-8 (bytes that do not continue a scalar).
    static func scalarCount(_ text: Substring) -> Int {
        let counted = text.utf8.withContiguousStorageIfAvailable { bytes in scalarCount(bytes, 0, bytes.count) }
        return counted ?? text.utf8.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// True when `needle`'s bytes occur in `haystack`'s.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var hay = haystack
        var pin = needle
        return hay.withUTF8 { h in pin.withUTF8 { n in search(h, for: n) } }
    }

    /// `text` with ASCII letters lowercased (other bytes unchanged).
    static func asciiLowercased(_ text: String) -> String {
        var text = text
        // Written straight into the new string (no byte array in between); text without an
        // ASCII capital is returned as it is.
        let lowered = text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: { $0 &- 65 < 26 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for index in 0..<bytes.count { out[index] = asciiLower(bytes[index]) }
                return bytes.count
            }
        }
        return lowered ?? text
    }

    /// `byte` lowercased when it is an ASCII capital letter.
    static func asciiLower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
}

extension TextScan {
    /// The first byte of `line` that is not a space or tab, if any.
    static func firstNonBlank(_ line: Substring) -> UInt8? {
        line.utf8.first { $0 != 0x20 && $0 != 0x09 }
    }

    /// True when `line` contains the ASCII bytes of `needle` (short needles, short lines).
    static func lineContains(_ line: Substring, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        if count > 0, let found = line.utf8.withContiguousStorageIfAvailable({ hay in
            needle.withUTF8Buffer { pin in search(hay, for: pin) }
        }) {
            return found
        }
        return needle.withUTF8Buffer { pin in
            let utf8 = line.utf8
            guard count > 0, utf8.count >= count else { return count == 0 }
            var index = utf8.startIndex
            while index != utf8.endIndex {
                if utf8[index] == pin[0] {
                    var a = index, b = 0
                    while b < count, a != utf8.endIndex, utf8[a] == pin[b] {
                        a = utf8.index(after: a)
                        b += 1
                    }
                    if b == count { return true }
                }
                index = utf8.index(after: index)
            }
            return false
        }
    }

    /// True when `pin` (not empty) occurs in `hay`.
    static func search(_ hay: UnsafeBufferPointer<UInt8>, for pin: UnsafeBufferPointer<UInt8>) -> Bool {
        guard pin.count > 0, hay.count >= pin.count, let hb = hay.baseAddress, let nb = pin.baseAddress else {
            return pin.isEmpty
        }
        // On long texts glibc's memmem skips ahead by a shift table instead of stopping at every
        // first byte; on short lines setting up that table costs more than it saves.
        if hay.count >= 512, let memmem = TextScan.memmem { return memmem(hb, hay.count, nb, pin.count) != nil }
        return firstOffset(of: pin, in: hay, from: 0) != nil
    }

    /// The first offset at or after `from` where `pin` (not empty) occurs in `hay`: a `memchr`
    /// for its first byte, then a compare.
    package static func firstOffset(of pin: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard pin.count > 0, let hb = hay.baseAddress, let nb = pin.baseAddress else { return nil }
        let first = Int32(nb[0])
        var offset = from
        let last = hay.count - pin.count
        while offset <= last {
            guard let hit = memchr(hb + offset, first, last - offset + 1) else { return nil }
            let at = hb.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if hb[at + pin.count - 1] == nb[pin.count - 1], memcmp(hb + at, nb, pin.count) == 0 { return at }
            offset = at + 1
        }
        return nil
    }

    /// How many times `byte` occurs in `hay[from..<to]`, found by `memchr` hops.
    package static func count(_ byte: UInt8, in hay: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard let base = hay.baseAddress, from >= 0, from < to, to <= hay.count else { return 0 }
        var count = 0, at = from
        while at < to, let hit = memchr(base + at, Int32(byte), to - at) {
            count += 1
            at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return count
    }

    /// The first offset at or after `from` where `byte` occurs in `hay` (`memchr`).
    package static func firstOffset(of byte: UInt8, in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = hay.baseAddress, from >= 0, from < hay.count,
            let hit = memchr(base + from, Int32(byte), hay.count - from)
        else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// True when `pin` occurs in `hay` at offset `at`.
    package static func matches(_ pin: [UInt8], in hay: UnsafeBufferPointer<UInt8>, at: Int) -> Bool {
        guard at >= 0, at + pin.count <= hay.count, let base = hay.baseAddress else { return false }
        return memcmp(base + at, pin, pin.count) == 0
    }

    private typealias MemmemFunction = @convention(c) (UnsafeRawPointer?, Int, UnsafeRawPointer?, Int) -> UnsafeMutableRawPointer?

    /// libc's `memmem` (Swift's Glibc module hides it behind _GNU_SOURCE), looked up once.
    private static let memmem: MemmemFunction? = {
        guard let symbol = dlsym(nil, "memmem") else { return nil }
        return unsafeBitCast(symbol, to: MemmemFunction.self)
    }()
}
