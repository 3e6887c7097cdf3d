/// Runs of path-like bytes in a text (ASCII letters, digits, `._-/~@+` and any non-ASCII byte):
/// the words that can name a file, a folder or a path. Scanned by bytes through a class table.
enum PathTokens {
    /// Calls `body` with the text's UTF-8 bytes and each token's byte range `start..<end`.
    /// With `plain` false, only tokens holding a `.` or `/` (the ones that can name a file or path).
    static func forEach(
        _ text: String, plain: Bool = true, _ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Void
    ) {
        var copy = text
        copy.withUTF8 { bytes in
            kinds.withUnsafeBufferPointer { kinds in
                guard plain else { return pathTokens(bytes, kinds: kinds, body) }
                var start = -1
                var pathy = false
                for index in 0..<bytes.count {
                    let kind = kinds[Int(bytes[index])]
                    if kind != 0 {
                        if start < 0 {
                            start = index
                            pathy = false
                        }
                        if kind == 2 { pathy = true }
                    } else if start >= 0 {
                        if plain || pathy { body(bytes, start, index) }
                        start = -1
                    }
                }
                if start >= 0, plain || pathy { body(bytes, start, bytes.count) }
            }
        }
    }

    /// The tokens holding a `.` or `/`, found from those bytes (prose has few), sixteen bytes at
    /// a time, instead of walking every word.
    private static func pathTokens(
        _ bytes: UnsafeBufferPointer<UInt8>, kinds: UnsafeBufferPointer<UInt8>,
        _ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Void
    ) {
        var at = nextPathByte(bytes, from: 0)
        while at < bytes.count {
            var start = at, end = at + 1
            while start > 0, kinds[Int(bytes[start - 1])] != 0 { start -= 1 }
            while end < bytes.count, kinds[Int(bytes[end])] != 0 { end += 1 }
            body(bytes, start, end)
            at = nextPathByte(bytes, from: end)
        }
    }

    /// The offset of the first `.` or `/` at or after `from` (`bytes.count` when there is none).
    static func nextPathByte(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var index = from
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let dot = SIMD16<UInt8>(repeating: 0x2E), slash = SIMD16<UInt8>(repeating: 0x2F)
            while index + 16 <= bytes.count {
                let chunk = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
                if any((chunk .== dot) .| (chunk .== slash)) { break }
                index += 16
            }
        }
        while index < bytes.count, bytes[index] != 0x2E, bytes[index] != 0x2F { index += 1 }
        return index
    }

    /// True when `name` is one whole token (every byte a token byte), so a lookup of each token
    /// of a text can find it; other names need a substring search.
    static func isOneToken(_ name: Substring) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { kinds[Int($0)] != 0 }
    }

    /// The tokens of `text` as slices of it.
    static func tokens(_ text: String, plain: Bool = true) -> [Substring] {
        var ranges: [(Int, Int)] = []
        forEach(text, plain: plain) { _, start, end in ranges.append((start, end)) }
        let utf8 = text.utf8
        return ranges.map { range in
            text[utf8.index(utf8.startIndex, offsetBy: range.0)..<utf8.index(utf8.startIndex, offsetBy: range.1)]
        }
    }

    /// Per byte: 0 outside a token; 1 inside one; 2 for `.` and `/`, which make a token path-like.
    private static let kinds: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        if byte == 0x2E || byte == 0x2F { return 2 }
        let letter = byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A
        return byte >= 0x80 || letter || (byte >= 0x2D && byte <= 0x39) || byte == 0x5F || byte == 0x7E || byte == 0x40
            || byte == 0x2B ? 1 : 0
    }
}

/// A set of UTF-8 lengths as one bit each (lengths of 63 and more share the last bit): the
/// cheap test that skips looking up a word no file name could equal.
struct LengthMask: Sendable {
    private var bits: UInt64 = 0

    init(_ lengths: some Sequence<Int>) {
        for length in lengths { bits |= 1 << UInt64(min(length, 63)) }
    }

    func contains(_ length: Int) -> Bool { bits & (1 << UInt64(min(length, 63))) != 0 }
}

extension PathTokens {
    /// `bytes[start..<end]` as a string.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}

/// A set of names as 1,024 bits (two per name, from an FNV-1a hash of its bytes, ASCII letters
/// folded to lower case): the test that skips making a string of a word no name can equal. A miss
/// is certain; a hit still needs the real lookup. It matches names case-insensitively, so it also
/// serves lookups that ignore case.
struct NameSieve: Sendable {
    private var bits = [UInt64](repeating: 0, count: 16)

    init(_ names: some Sequence<some StringProtocol>) {
        for name in names {
            var copy = String(name)
            let hash = copy.withUTF8 { Self.hash($0, 0, $0.count) }
            let (first, second) = Self.bits(hash)
            for bit in [first, second] { bits[bit >> 6] |= 1 << UInt64(bit & 63) }
        }
    }

    /// False when `bytes[start..<end]` equals no name, ignoring ASCII case. Words with a
    /// non-ASCII byte always pass (Unicode case folding is left to the real lookup).
    func mayContain(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for index in start..<end where bytes[index] >= 0x80 { return true }
        let (first, second) = Self.bits(Self.hash(bytes, start, end))
        return bits[first >> 6] & (1 << UInt64(first & 63)) != 0 && bits[second >> 6] & (1 << UInt64(second & 63)) != 0
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in start..<end {
            let byte = bytes[index]
            hash = (hash ^ UInt64(TextScan.asciiLower(byte))) &* 0x100_0000_01b3
        }
        return hash
    }

    private static func bits(_ hash: UInt64) -> (Int, Int) { (Int(hash & 1023), Int((hash >> 32) & 1023)) }
}
