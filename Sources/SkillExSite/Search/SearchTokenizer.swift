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
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var length = 0
        var ascii = true
        func flush() {
            defer {
                word.removeAll(keepingCapacity: true)
                length = 0
                ascii = true
            }
            guard length > 0 else { return }
            if ascii {
                if length <= maxLength { body(word) }
                return
            }
            let lower = Array(String(decoding: word, as: UTF8.self).lowercased().utf8)
            if scalarCount(lower) <= maxLength { body(lower) }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value >= 0x61 && value <= 0x7A || value >= 0x30 && value <= 0x39 {
                    word.append(UInt8(value))
                } else if value >= 0x41 && value <= 0x5A {
                    word.append(UInt8(value) | 0x20)
                } else {
                    flush()
                    continue
                }
                length += 1
            } else if isWordScalar(scalar) {
                ascii = false
                word.append(contentsOf: String(scalar).utf8)
                length += 1
            } else {
                flush()
            }
        }
        flush()
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
