/// The shape every `secret-assignment` match has, tested by bytes before its regular expression
/// runs: a line opening with a credential-named key and a long enough value (`AssignmentLine`),
/// or, on a line the pattern's `^` may start inside, a `:` or `=` anywhere whose name on the
/// left (the run of `[A-Za-z0-9_.-]` before it, past blanks and one quote) holds a credential
/// word. Prose that mentions tokens has no such key.
enum AssignmentShape {
    /// The credential words, lower-cased, as bytes.
    private static let hints: [[UInt8]] = SecretScan.assignmentHints.map { Array($0.utf8) }

    /// True when `line` may hold an assignment to a credential-named key.
    static func holds(_ line: Substring) -> Bool {
        var copy = String(line)
        return copy.withUTF8 { holds(bytes: $0) }
    }

    /// True when the line in `bytes` (no line break) may hold an assignment to a credential-named key.
    /// The pattern is anchored at a line start: the key must open the line (past blanks, dashes,
    /// `export`/`set` and a quote) and the value run at least 12 characters. A line holding another
    /// break the pattern's `^` also starts at (`\r` inside it, form feed, U+0085, U+2028/9) gets the
    /// looser test of a key anywhere.
    static func holds(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            // Eight bytes at a time while none is below 0x0E or above 0x7F (plain text).
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let high: UInt64 = 0x8080_8080_8080_8080
                if (word & high) | ((word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & high) != 0 { break }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0B || byte == 0x0C || byte == 0x85 || byte == 0xA8 || byte == 0xA9
                || (byte == 0x0D && index < bytes.count - 1)
            {
                return holdsAnywhere(bytes)
            }
            index += 1
        }
        return AssignmentLine.holds(bytes)
    }

    /// True when some `:` or `=` has a credential-named key on its left.
    static func holdsAnywhere(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in 0..<bytes.count where bytes[index] == 0x3A || bytes[index] == 0x3D {
            var end = index
            while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            if end > 0, bytes[end - 1] == 0x22 || bytes[end - 1] == 0x27 { end -= 1 }
            var start = end
            while start > 0, isNameByte(bytes[start - 1]) { start -= 1 }
            if end - start >= 3, holdsHint(bytes, start, end) { return true }
        }
        return false
    }

    /// True when `bytes[start..<end]`, ASCII letters folded to lower case, holds one of `hints`.
    static func holdsHint(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for hint in hints where hint.count <= end - start {
            var from = start
            while from + hint.count <= end {
                var matched = true
                for offset in 0..<hint.count where TextScan.asciiLower(bytes[from + offset]) != hint[offset] {
                    matched = false
                    break
                }
                if matched { return true }
                from += 1
            }
        }
        return false
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte == 0x2E
            || byte == 0x2D
    }
}
