import Foundation

/// The parts of a document that are not elements or text: the encoding check, processing
/// instructions (the XML declaration among them), comments, CDATA sections and the DOCTYPE.
extension XMLReader {
    /// Skips a UTF-8 byte-order mark, refuses UTF-16, and checks that every byte sequence is
    /// UTF-8 for a character XML allows (no control characters but tab and line ends, no
    /// U+FFFE/U+FFFF). Later steps may then turn any byte range into a `String` unchecked.
    mutating func checkEncoding() throws(XMLReadError) {
        let count = bytes.count
        if count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) {
            throw XMLReadError(line: 1, column: 1, reason: "UTF-16 text (byte-order mark); only UTF-8 XML is read")
        }
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { pos = 3 }
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead < 0x20 && lead != 0x09 && lead != 0x0A && lead != 0x0D {
                    throw fail(at: index, "control character U+\(hex(lead)) is not allowed in XML")
                }
                index += 1
                continue
            }
            guard let length = sequenceLength(at: index) else {
                throw fail(at: index, "not UTF-8 text (byte 0x\(hex(lead))); the document must be UTF-8")
            }
            if lead == 0xEF, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                throw fail(at: index, "U+FFFE and U+FFFF are not allowed in XML")
            }
            index += length
        }
    }

    /// The length of the valid UTF-8 sequence starting at `index` (a non-ASCII lead byte); nil
    /// when it is not one (overlong forms, surrogates and values past U+10FFFF included).
    private func sequenceLength(at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        guard bytes[index + 1] >= low, bytes[index + 1] <= high else { return nil }
        var next = index + 2
        while next < index + length {
            guard bytes[next] & 0xC0 == 0x80 else { return nil }
            next += 1
        }
        return length
    }

    /// `<?target …?>`, skipped; `<?xml …?>` only as the very first thing in the document.
    mutating func instruction(first: Bool) throws(XMLReadError) {
        let targetEnd = scanName(from: pos + 2)
        guard targetEnd > pos + 2 else { throw fail(at: pos, "processing instruction without a target name") }
        let target = string((pos + 2)..<targetEnd)
        if target.lowercased() == "xml" && !first {
            throw fail(at: pos, "the <?xml …?> declaration must come first in the document")
        }
        guard targetEnd < bytes.count, bytes[targetEnd] == Byte.question || Byte.isSpace(bytes[targetEnd]) else {
            throw fail(at: targetEnd, "malformed processing instruction <?\(target)")
        }
        guard let close = find(Self.instructionEnd, from: targetEnd) else {
            throw fail(at: pos, "processing instruction <?\(target) is never closed")
        }
        pos = close + Self.instructionEnd.count
    }

    /// `<!--…-->`, `<![CDATA[…]]>` (reported as text) or `<!DOCTYPE …>` (skipped).
    mutating func bangMarkup(_ handler: Handler) throws(XMLReadError) {
        if matches(Self.commentStart, at: pos) {
            let bodyStart = pos + Self.commentStart.count
            guard let dashes = find(Self.doubleDash, from: bodyStart) else { throw fail(at: pos, "comment is never closed") }
            guard dashes + 2 < bytes.count, bytes[dashes + 2] == Byte.gt else {
                throw fail(at: dashes, "'--' inside a comment")
            }
            pos = dashes + 3
        } else if matches(Self.cdataStart, at: pos) {
            guard !open.isEmpty else { throw fail(at: pos, "CDATA section outside the root element") }
            let bodyStart = pos + Self.cdataStart.count
            guard let close = find(Self.cdataEnd, from: bodyStart) else { throw fail(at: pos, "CDATA section is never closed") }
            try handler(.text(decode(bodyStart..<close, attribute: false, references: false)))
            pos = close + Self.cdataEnd.count
        } else if matches(Self.doctypeStart, at: pos) {
            guard !sawRoot, !sawDoctype else { throw fail(at: pos, "DOCTYPE must come once, before the root element") }
            sawDoctype = true
            try skipDoctype()
        } else {
            throw fail(at: pos, "unknown markup after '<!' (expected a comment, CDATA section or DOCTYPE)")
        }
    }

    /// Skips `<!DOCTYPE …>` with its internal subset `[…]`. Quoted strings, comments and
    /// processing instructions inside are skipped whole, so a `]` or `>` in them ends nothing.
    /// Declarations are not read: no entity it declares is ever expanded.
    private mutating func skipDoctype() throws(XMLReadError) {
        var index = pos + Self.doctypeStart.count
        var inSubset = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Byte.quote || byte == Byte.apostrophe {
                guard let close = find(byte, from: index + 1, to: bytes.count) else { break }
                index = close + 1
            } else if inSubset && matches(Self.commentStart, at: index) {
                guard let close = find(Self.commentEnd, from: index + Self.commentStart.count) else { break }
                index = close + Self.commentEnd.count
            } else if inSubset && matches(Self.instructionStart, at: index) {
                guard let close = find(Self.instructionEnd, from: index + 2) else { break }
                index = close + Self.instructionEnd.count
            } else if byte == Byte.openBracket && !inSubset {
                inSubset = true
                index += 1
            } else if byte == Byte.closeBracket && inSubset {
                inSubset = false
                index += 1
            } else if byte == Byte.gt && !inSubset {
                pos = index + 1
                return
            } else {
                index += 1
            }
        }
        throw fail(at: pos, "DOCTYPE is never closed")
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }

    static let commentStart = Array("<!--".utf8)
    static let commentEnd = Array("-->".utf8)
    static let doubleDash = Array("--".utf8)
    static let cdataStart = Array("<![CDATA[".utf8)
    static let cdataEnd = Array("]]>".utf8)
    static let doctypeStart = Array("<!DOCTYPE".utf8)
    static let instructionStart = Array("<?".utf8)
    static let instructionEnd = Array("?>".utf8)
}
