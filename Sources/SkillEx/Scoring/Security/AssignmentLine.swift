/// `secret-assignment`'s pattern read by bytes from the start of a line, as its regular
/// expression reads it: blanks and dashes, maybe `export` or `set` and blanks, maybe a quote, a
/// key of `[A-Za-z0-9_.-]` holding a credential word, maybe a quote, blanks, `:`, `=` or `:=`,
/// blanks, maybe a quote, then a value of at least 12 characters that are not blanks, quotes,
/// backticks, `,`, `;` or `#`. Every line the pattern matches passes; almost no prose does.
enum AssignmentLine {
    private static let prefixes: [[UInt8]] = [Array("export".utf8), Array("set".utf8)]

    /// True when the line in `bytes` (no line break inside) may match the pattern.
    static func holds(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count, isBlank(bytes[index]) || bytes[index] == 0x2D { index += 1 }
        for word in prefixes where startsWord(word, bytes, at: index) {
            index += word.count
            while index < count, isBlank(bytes[index]) { index += 1 }
            break
        }
        if index < count, isQuote(bytes[index]) { index += 1 }
        let nameStart = index
        while index < count, AssignmentShape.isNameByte(bytes[index]) { index += 1 }
        guard index - nameStart >= 3, AssignmentShape.holdsHint(bytes, nameStart, index) else { return false }
        if index < count, isQuote(bytes[index]) { index += 1 }
        while index < count, isBlank(bytes[index]) { index += 1 }
        guard index < count, bytes[index] == 0x3A || bytes[index] == 0x3D else { return false }
        // `:=` may be the separator, or `:` with a value starting `=`: the longer run counts.
        let afterOne = valueRun(bytes, from: index + 1)
        if bytes[index] == 0x3A, index + 1 < count, bytes[index + 1] == 0x3D {
            return max(afterOne, valueRun(bytes, from: index + 2)) >= 12
        }
        return afterOne >= 12
    }

    /// The length in bytes of the value starting at `from`, past blanks and one quote.
    private static func valueRun(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var index = from
        while index < bytes.count, isBlank(bytes[index]) { index += 1 }
        if index < bytes.count, isQuote(bytes[index]) { index += 1 }
        var run = 0
        while index < bytes.count, !endsValue(bytes[index]) {
            run += 1
            index += 1
        }
        return run
    }

    /// True when `word` (lower case) starts at `index`, in any case, followed by a blank.
    private static func startsWord(_ word: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + word.count < bytes.count, isBlank(bytes[index + word.count]) else { return false }
        for offset in 0..<word.count {
            let byte = bytes[index + offset]
            if TextScan.asciiLower(byte) != word[offset] { return false }
        }
        return true
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    private static func isQuote(_ byte: UInt8) -> Bool { byte == 0x22 || byte == 0x27 }

    /// Bytes no value character can be (ASCII white space, quotes, backtick, `,`, `;`, `#`);
    /// non-ASCII bytes count as value (a Unicode space ends the regex's value earlier: the test
    /// may pass a line the regex then rejects, never the other way round).
    private static func endsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x22, 0x27, 0x60, 0x2C, 0x3B, 0x23: return true
        default: return false
        }
    }
}
