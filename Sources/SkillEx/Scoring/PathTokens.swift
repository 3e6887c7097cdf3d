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
