/// The search index's words: lowercase runs of letters and digits, each cut by a tiny suffix
/// stemmer. `assets/search.js` applies the same rules to queries (keep the two in step). Works
/// on UTF-8 bytes: a whole site's text goes through here on a cold build.
enum SearchTokenizer {
    /// Words longer than this many characters are not indexed (hashes, base64, minified code).
    static let maxLength = 32

    /// The stems of `text`, in order, repeats kept.
    static func terms(_ text: String) -> [String] {
        var out: [String] = []
        forEachTerm(text) { out.append($0) }
        return out
    }

    /// Calls `body` with the stem of every word of `text`.
    static func forEachTerm(_ text: String, _ body: (String) -> Void) {
        forEachWord(text) { word in
            var bytes = word
            stem(&bytes)
            body(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Calls `body` with the lowercase UTF-8 bytes of every word of `text` (before stemming).
    static func forEachWord(_ text: String, _ body: ([UInt8]) -> Void) {
        var copy = text
        copy.withUTF8 { bytes in
            var word: [UInt8] = []
            word.reserveCapacity(64)
            var length = 0
            var ascii = true
            var index = 0
            let count = bytes.count
            while index <= count {
                var width = 1
                if index < count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        if byte >= 0x61 && byte <= 0x7A || byte >= 0x30 && byte <= 0x39 {
                            word.append(byte)
                            length += 1
                            index += 1
                            continue
                        }
                        if byte >= 0x41 && byte <= 0x5A {
                            word.append(byte | 0x20)
                            length += 1
                            index += 1
                            continue
                        }
                    } else {
                        width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                        if let scalar = scalar(bytes, at: index, width: width), isWordScalar(scalar) {
                            ascii = false
                            word.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + width)]))
                            length += 1
                            index += width
                            continue
                        }
                    }
                }
                // Not part of a word (or the end): the word so far is complete.
                if length > 0 {
                    if ascii {
                        if length <= maxLength { body(word) }
                    } else {
                        let lower = Array(String(decoding: word, as: UTF8.self).lowercased().utf8)
                        if scalarCount(lower) <= maxLength { body(lower) }
                    }
                    word.removeAll(keepingCapacity: true)
                    length = 0
                    ascii = true
                }
                index += width
            }
        }
    }

    /// The scalar whose `width` UTF-8 bytes start at `index` (a String's bytes are valid UTF-8).
    @inline(__always)
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, width: Int) -> Unicode.Scalar? {
        guard index + width <= bytes.count else { return nil }
        var value = UInt32(bytes[index]) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value)
    }

    /// Letters and numbers (JavaScript's `[\p{L}\p{N}]`).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            true
        default: false
        }
    }

    /// `word` without a common English suffix.
    static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        stem(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Cuts `-ies` → `-y`, `-sses` → `-ss`, a plural `-s` (not `-ss`, `-us`, `-is`), then `-ing`
    /// or `-ed` when at least four characters stay. Lengths count characters (Unicode scalars),
    /// as `Array.from(word).length` does in JavaScript.
    static func stem(_ w: inout [UInt8]) {
        var n = scalarCount(w)
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard w.count >= count else { return false }
            return suffix.withUTF8Buffer { s in
                var i = 0
                while i < count {
                    if w[w.count - count + i] != s[i] { return false }
                    i += 1
                }
                return true
            }
        }
        if n > 4 && ends("ies") {
            w.removeLast(2)
            w[w.count - 1] = UInt8(ascii: "y")
            n -= 2
        } else if ends("sses") {
            w.removeLast(2)
            n -= 2
        } else if n > 3 && ends("s") && !ends("ss") && !ends("us") && !ends("is") {
            w.removeLast()
            n -= 1
        }
        if n >= 7 && ends("ing") {
            w.removeLast(3)
        } else if n >= 6 && ends("ed") {
            w.removeLast(2)
        }
    }

    /// Characters in UTF-8 `bytes` (bytes that do not continue a sequence).
    static func scalarCount(_ bytes: [UInt8]) -> Int {
        var n = 0
        for byte in bytes where byte & 0xC0 != 0x80 { n += 1 }
        return n
    }
}
