/// A byte test every line a provider pattern can match passes, run before its regular
/// expression: one of the pattern's literals occurs as written (the provider patterns are
/// case-sensitive), and at the start of a word when the pattern begins with `\b`. Prose holding
/// "task-" or "Asia" fails it without the regex.
struct LiteralShape: Sendable {
    /// The literals, as bytes.
    let literals: [[UInt8]]
    /// True when the literal must not follow an ASCII letter, digit or `_` (a non-ASCII byte
    /// before it may be a letter or not: the regex decides).
    let atWordStart: Bool

    init(_ literals: [String], atWordStart: Bool) {
        self.literals = literals.map { Array($0.utf8) }
        self.atWordStart = atWordStart
    }

    /// True when `line` may match.
    func holds(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for literal in literals {
            var from = 0
            while let at = literal.withUnsafeBufferPointer({ TextScan.firstOffset(of: $0, in: line, from: from) }) {
                if !atWordStart || at == 0 || !Self.isWordByte(line[at - 1]) { return true }
                from = at + 1
            }
        }
        return false
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
    }
}
