import Foundation

/// Byte-level pieces of `XMLReader`: text decoding (references, line ends), names, and
/// searches. Every index is checked against the buffer's bounds before it is read.
extension XMLReader {
    /// The text of `range` with references decoded (unless `references` is false, as in CDATA)
    /// and line ends normalised; in an attribute value tabs and line ends become spaces and
    /// `<` is an error.
    func decode(_ range: Range<Int>, attribute: Bool, references: Bool = true) throws(XMLReadError) -> String {
        var plain = true
        for index in range {
            let byte = bytes[index]
            if byte == Byte.amp || byte == Byte.cr || (attribute && (byte == Byte.lt || byte == Byte.tab || byte == Byte.newline)) {
                plain = false
                break
            }
        }
        if plain { return string(range) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == Byte.amp && references {
                index = try reference(at: index, end: range.upperBound, into: &out)
                continue
            }
            if byte == Byte.cr {
                out.append(attribute ? Byte.space : Byte.newline)
                if index + 1 < range.upperBound, bytes[index + 1] == Byte.newline { index += 1 }
            } else if attribute && (byte == Byte.tab || byte == Byte.newline) {
                out.append(Byte.space)
            } else if attribute && byte == Byte.lt {
                throw fail(at: index, "'<' in an attribute value (write &lt;)")
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes the reference starting with the `&` at `index` into `out`; returns the index
    /// after its `;`. Only the five predefined entities and character references exist.
    private func reference(at index: Int, end: Int, into out: inout [UInt8]) throws(XMLReadError) -> Int {
        guard let semicolon = find(Byte.semicolon, from: index + 1, to: end) else {
            throw fail(at: index, "'&' that does not start a reference (write &amp; for a literal '&')")
        }
        let body = (index + 1)..<semicolon
        let written = string(index..<(semicolon + 1))
        if let first = body.first, bytes[first] == Byte.hash {
            var digits = body.dropFirst()
            var radix: UInt32 = 10
            if let mark = digits.first, bytes[mark] == Byte.x {
                radix = 16
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty else { throw fail(at: index, "malformed character reference \(written)") }
            var value: UInt32 = 0
            for digit in digits {
                guard let number = Byte.digitValue(bytes[digit], radix: radix) else {
                    throw fail(at: index, "malformed character reference \(written)")
                }
                value = value * radix + number
                guard value <= 0x10FFFF else { throw fail(at: index, "character reference \(written) is beyond U+10FFFF") }
            }
            guard Self.isXMLCharacter(value), let scalar = Unicode.Scalar(value) else {
                throw fail(at: index, "character reference \(written) is not a character XML allows")
            }
            UTF8.encode(scalar) { out.append($0) }
            return semicolon + 1
        }
        switch written {
        case "&lt;": out.append(Byte.lt)
        case "&gt;": out.append(Byte.gt)
        case "&amp;": out.append(Byte.amp)
        case "&apos;": out.append(Byte.apostrophe)
        case "&quot;": out.append(Byte.quote)
        default:
            guard !body.isEmpty, scanName(from: body.lowerBound) == body.upperBound else {
                throw fail(at: index, "'&' that does not start a reference (write &amp; for a literal '&')")
            }
            throw fail(at: index, "reference to undeclared entity \(written) (entities are never expanded)")
        }
        return semicolon + 1
    }

    /// XML 1.0's `Char` production.
    static func isXMLCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The end of the name starting at `index` (`index` itself when none starts there).
    /// Non-ASCII bytes count as name characters; the encoding check already vouched for them.
    func scanName(from index: Int) -> Int {
        guard index < bytes.count, Byte.isNameStart(bytes[index]) else { return index }
        var end = index + 1
        while end < bytes.count, Byte.isNameChar(bytes[end]) { end += 1 }
        return end
    }

    /// The part of the name in `range` after its last `:`, which must itself start a name.
    func localName(_ range: Range<Int>) throws(XMLReadError) -> String {
        var start = range.lowerBound
        for index in range where bytes[index] == Byte.colon { start = index + 1 }
        guard start < range.upperBound, Byte.isNameStart(bytes[start]) else {
            throw fail(at: range.lowerBound, "malformed name \(string(range))")
        }
        return string(start..<range.upperBound)
    }

    func skipSpace(from index: Int) -> Int {
        var cursor = index
        while cursor < bytes.count, Byte.isSpace(bytes[cursor]) { cursor += 1 }
        return cursor
    }

    /// The first `byte` in `start..<end`.
    func find(_ byte: UInt8, from start: Int, to end: Int) -> Int? {
        guard start >= 0, start < end, end <= bytes.count, let base = bytes.baseAddress else { return nil }
        guard let hit = memchr(base + start, Int32(byte), end - start) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
    }

    /// The first place at or after `start` where `pattern` begins.
    func find(_ pattern: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first else { return nil }
        var cursor = start
        while let hit = find(first, from: cursor, to: bytes.count) {
            if matches(pattern, at: hit) { return hit }
            cursor = hit + 1
        }
        return nil
    }

    func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + pattern.count <= bytes.count else { return false }
        for (offset, byte) in pattern.enumerated() where bytes[index + offset] != byte { return false }
        return true
    }

    /// True when the two ranges hold the same bytes.
    func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for offset in 0..<a.count where bytes[a.lowerBound + offset] != bytes[b.lowerBound + offset] { return false }
        return true
    }

    /// The text of `range` (already checked as UTF-8).
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

extension XMLReader {
    /// The ASCII bytes the XML reader looks for.
    enum Byte {
        static let tab: UInt8 = 0x09
        static let newline: UInt8 = 0x0A
        static let cr: UInt8 = 0x0D
        static let space: UInt8 = 0x20
        static let bang = UInt8(ascii: "!")
        static let quote = UInt8(ascii: "\"")
        static let hash = UInt8(ascii: "#")
        static let amp = UInt8(ascii: "&")
        static let apostrophe = UInt8(ascii: "'")
        static let slash = UInt8(ascii: "/")
        static let colon = UInt8(ascii: ":")
        static let semicolon = UInt8(ascii: ";")
        static let lt = UInt8(ascii: "<")
        static let equals = UInt8(ascii: "=")
        static let gt = UInt8(ascii: ">")
        static let question = UInt8(ascii: "?")
        static let openBracket = UInt8(ascii: "[")
        static let closeBracket = UInt8(ascii: "]")
        static let x = UInt8(ascii: "x")

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == space || byte == newline || byte == tab || byte == cr
        }

        static func isNameStart(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte == colon || byte >= 0x80
        }

        static func isNameChar(_ byte: UInt8) -> Bool {
            isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2E
        }

        /// The value of a decimal or (lowercase or uppercase) hexadecimal digit.
        static func digitValue(_ byte: UInt8, radix: UInt32) -> UInt32? {
            switch byte {
            case 0x30...0x39: UInt32(byte - 0x30)
            case 0x61...0x66 where radix == 16: UInt32(byte - 0x61 + 10)
            case 0x41...0x46 where radix == 16: UInt32(byte - 0x41 + 10)
            default: nil
            }
        }
    }
}
