/// Text bound for a terminal with every character that could drive the terminal made visible.
///
/// Skill names, descriptions, validator output and event fields are written by others; printed
/// raw, an escape sequence in them could clear the screen, move the cursor over earlier lines,
/// retitle the window or forge a link, and a bidirectional override could reorder what a reader
/// sees. `escape` writes each such character as a visible `\xNN` or `\uNNNN`: C0 controls
/// (tab, and line feed when `newlines` allows it, excepted), DEL, C1 controls (U+0080–U+009F,
/// which some terminals obey as escapes) and the bidirectional controls (U+061C, U+200E/F,
/// U+202A–U+202E, U+2066–U+2069). Escaping twice changes nothing more.
public enum TerminalText {
    /// SGR colour sequences SkillEx itself writes (`ESC [ code m`); `escape(_:keepingColours:)`
    /// leaves exactly these in place so its own colours survive.
    public static let ownColours: Set<String> = ["0", "2", "31", "32", "33", "36"]

    /// `text` with control, C1 and bidirectional characters written as escapes. `newlines`
    /// keeps line feeds (multi-line reports); `keepingColours` keeps `ESC[<code>m` for the codes
    /// in `ownColours` (set it only where colour is on, so a terminal-less run escapes every ESC).
    public static func escape(_ text: String, newlines: Bool = true, keepingColours: Bool = false) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { needsEscape($0, newlines: newlines) }) else { return text }
        var out = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\u{1B}", keepingColours, let end = colourEnd(scalars, from: index) {
                out.append(contentsOf: scalars[index..<end])
                index = end
                continue
            }
            if needsEscape(scalar, newlines: newlines) {
                out.append(contentsOf: visible(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
            index = scalars.index(after: index)
        }
        return String(out)
    }

    /// A JSON text with the characters `escape` rewrites written as JSON's `\uNNNN` instead, so
    /// it parses to the same value. JSON writers escape C0 controls already; DEL, C1 and the
    /// bidirectional controls may only stand inside strings, where `\uNNNN` means the same.
    public static func escapeJSON(_ text: String) -> String {
        var copy = text
        guard let escaped = copy.withUTF8({ escapeJSON(bytes: $0) }) else { return text }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// `escapeJSON` over UTF-8 bytes, in one pass; nil when nothing needs rewriting (a scan of
    /// the scalars took milliseconds on a scorer's 2 MB of JSON).
    public static func escapeJSON(bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8]?
        var copied = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            var width = 0
            var value: UInt32 = 0
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A { (width, value) = (1, UInt32(byte)) }
            } else if byte == 0x7F {
                (width, value) = (1, 0x7F)
            } else if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) {
                (width, value) = (2, UInt32(bytes[index + 1]))  // C1 controls, U+0080–U+009F
            } else if byte == 0xD8, index + 1 < count, bytes[index + 1] == 0x9C {
                (width, value) = (2, 0x061C)
            } else if byte == 0xE2, index + 2 < count {
                let (second, third) = (bytes[index + 1], bytes[index + 2])
                if second == 0x80, third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third) {
                    (width, value) = (3, 0x2000 + UInt32(third & 0x3F))  // U+200E/F, U+202A–U+202E
                } else if second == 0x81, (0xA6...0xA9).contains(third) {
                    (width, value) = (3, 0x2040 + UInt32(third & 0x3F))  // U+2066–U+2069
                }
            }
            guard width > 0 else {
                index += 1
                continue
            }
            if out == nil { out = [UInt8](); out?.reserveCapacity(count + 64) }
            out?.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
            out?.append(contentsOf: Array("\\u".utf8))
            for shift in stride(from: 12, through: 0, by: -4) {
                let digit = UInt8((value >> UInt32(shift)) & 0xF)
                out?.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
            }
            index += width
            copied = index
        }
        guard var escaped = out else { return nil }
        escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return escaped
    }

    /// True for a character `escape` rewrites.
    public static func needsEscape(_ scalar: Unicode.Scalar, newlines: Bool = true) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x0A: !newlines
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func visible(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return scalar.value <= 0xFF
            ? "\\x" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex
            : "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The end of an `ESC [ code m` sequence at `start` whose code is one of `ownColours`.
    private static func colourEnd(
        _ scalars: String.UnicodeScalarView, from start: String.UnicodeScalarView.Index
    ) -> String.UnicodeScalarView.Index? {
        var index = scalars.index(after: start)
        guard index < scalars.endIndex, scalars[index] == "[" else { return nil }
        index = scalars.index(after: index)
        var code = ""
        while index < scalars.endIndex, code.count < 3, ("0"..."9").contains(scalars[index]) {
            code.unicodeScalars.append(scalars[index])
            index = scalars.index(after: index)
        }
        guard index < scalars.endIndex, scalars[index] == "m", ownColours.contains(code) else { return nil }
        return scalars.index(after: index)
    }
}
