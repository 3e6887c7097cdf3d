/// A fast path for the common front matter: one `key: value` per line, printable ASCII, each
/// value a plain scalar or a quoted string without escapes. Anything else (nesting, lists,
/// comments, escapes, blank-but-spaced lines, duplicate keys, non-ASCII) returns nil and goes
/// to Yams, so every document this accepts gets exactly the fields Yams would give.
package enum FlatFrontMatter {
    /// The fields of `yaml` in order, or nil when it is not the simple flat form.
    package static func fields(_ yaml: Substring) -> [(key: String, value: SkillDocument.Value)]? {
        let bytes = Array(yaml.utf8)
        var fields: [(key: String, value: SkillDocument.Value)] = []
        var keys = Set<String>()
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            if end > start {
                guard let (key, value) = line(bytes[start..<end]), keys.insert(key).inserted else { return nil }
                fields.append((key, .text(value)))
            }
            start = end + 1
        }
        return fields.isEmpty ? nil : fields
    }

    /// `key: value` from one line, or nil.
    private static func line(_ line: ArraySlice<UInt8>) -> (String, String)? {
        var index = line.startIndex
        guard index < line.endIndex, isLetter(line[index]) else { return nil }
        while index < line.endIndex, isLetter(line[index]) || isDigit(line[index]) || line[index] == 0x5F || line[index] == 0x2D {
            index += 1
        }
        let keyEnd = index
        guard keyEnd - line.startIndex <= 128, index + 1 < line.endIndex, line[index] == 0x3A, line[index + 1] == 0x20 else {
            return nil
        }
        index += 1
        while index < line.endIndex, line[index] == 0x20 { index += 1 }
        var valueEnd = line.endIndex
        while valueEnd > index, line[valueEnd - 1] == 0x20 { valueEnd -= 1 }
        guard valueEnd > index else { return nil }
        let value = line[index..<valueEnd]
        // Printable ASCII only (no tabs, control bytes or UTF-8).
        guard value.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        let key = String(decoding: line[line.startIndex..<keyEnd], as: UTF8.self)
        guard let text = scalar(value) else { return nil }
        return (key, text)
    }

    /// A plain scalar starting with a letter or digit, or a `"…"` / `'…'` string without the
    /// quote character or a backslash inside.
    private static func scalar(_ value: ArraySlice<UInt8>) -> String? {
        guard let first = value.first, let last = value.last else { return nil }
        if first == 0x22 || first == 0x27 {
            let inner = value.dropFirst().dropLast()
            guard value.count >= 2, last == first, !inner.contains(first), !inner.contains(0x5C) else { return nil }
            return String(decoding: inner, as: UTF8.self)
        }
        guard isLetter(first) || isDigit(first), last != 0x3A else { return nil }
        var previous: UInt8 = 0
        for byte in value {
            switch byte {
            case 0x23, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D: return nil  // # , [ ] { }
            case 0x20 where previous == 0x3A: return nil  // ": " ends a key
            default: previous = byte
            }
        }
        return String(decoding: value, as: UTF8.self)
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
