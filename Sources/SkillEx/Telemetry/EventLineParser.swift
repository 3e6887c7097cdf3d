/// A small, strict JSON reader for one event line. It reads straight from the line's bytes
/// (no intermediate tree), which makes `skillex metrics` over millions of lines fast;
/// unknown fields are skipped, so newer logs still read.
package enum EventLineParser {
    /// The event on `line`, or nil when the line is not one complete event object.
    package static func parse(_ line: UnsafeBufferPointer<UInt8>) -> Event? {
        var cursor = Cursor(bytes: line)
        return cursor.event()
    }

    /// Parses a line given as a string (tests, tails).
    static func parse(_ line: String) -> Event? {
        var copy = line
        return copy.withUTF8 { parse($0) }
    }
}

private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func event() -> Event? {
        var event = Event(type: .started, id: "")
        var sawType = false, sawTime = false
        guard expect(UInt8(ascii: "{")) else { return nil }
        let ok = members { key, cursor in
            switch key {
            case "type":
                guard let value = cursor.string() else { return false }
                event.type = EventType(rawValue: value)
                sawType = true
            case "time":
                guard let value = cursor.string() else { return false }
                event.time = value
                sawTime = true
            case "id": guard let value = cursor.string() else { return false }; event.id = value
            case "run_id": guard let value = cursor.string() else { return false }; event.runID = value
            case "scope":
                guard let value = cursor.string(), let scope = EventScope(rawValue: value) else { return false }
                event.scope = scope
            case "schema_version":
                guard let value = cursor.number() else { return false }
                event.schemaVersion = Int(exactly: value) ?? 0
            case "repo": guard cursor.optionalString(&event.repo) else { return false }
            case "skill": guard cursor.optionalString(&event.skill) else { return false }
            case "measurements":
                guard cursor.expect(UInt8(ascii: "{")) else { return false }
                return cursor.members { name, inner in
                    guard let value = inner.number() else { return false }
                    event.measurements[name] = value
                    return true
                }
            case "metadata":
                guard cursor.expect(UInt8(ascii: "{")) else { return false }
                return cursor.members { name, inner in
                    guard let value = inner.string() else { return false }
                    event.metadata[name] = value
                    return true
                }
            case "error":
                if cursor.literal("null") { return true }
                guard cursor.expect(UInt8(ascii: "{")) else { return false }
                var failure = EventError(reason: "", message: "")
                let ok = cursor.members { name, inner in
                    guard let value = inner.string() else { return false }
                    if name == "reason" { failure.reason = value } else if name == "message" { failure.message = value }
                    return true
                }
                event.error = failure
                return ok
            default: return cursor.skipValue()
            }
            return true
        }
        skipSpace()
        guard ok, sawType, sawTime, index == bytes.count else { return nil }
        return event
    }

    // MARK: - Structure

    /// Reads `"key": value` pairs up to the closing brace (the opening one already read).
    mutating func members(_ value: (String, inout Cursor) -> Bool) -> Bool {
        skipSpace()
        if peek == UInt8(ascii: "}") { index += 1; return true }
        while true {
            guard let key = string(), expect(UInt8(ascii: ":")) else { return false }
            skipSpace()
            guard value(key, &self) else { return false }
            skipSpace()
            guard let next = peek else { return false }
            index += 1
            if next == UInt8(ascii: "}") { return true }
            guard next == UInt8(ascii: ",") else { return false }
        }
    }

    mutating func skipValue() -> Bool {
        skipSpace()
        guard let first = peek else { return false }
        switch first {
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "{"):
            index += 1
            return members { _, inner in inner.skipValue() }
        case UInt8(ascii: "["):
            index += 1
            skipSpace()
            if peek == UInt8(ascii: "]") { index += 1; return true }
            while true {
                guard skipValue() else { return false }
                skipSpace()
                guard let next = peek else { return false }
                index += 1
                if next == UInt8(ascii: "]") { return true }
                guard next == UInt8(ascii: ",") else { return false }
            }
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return number() != nil
        }
    }

    // MARK: - Scalars

    mutating func optionalString(_ target: inout String?) -> Bool {
        if literal("null") { target = nil; return true }
        guard let value = string() else { return false }
        target = value
        return true
    }

    mutating func string() -> String? {
        skipSpace()
        guard peek == UInt8(ascii: "\"") else { return nil }
        index += 1
        let start = index
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return escaped ? Cursor.unescape(raw) : String(decoding: raw, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { escaped = true; index += 1 } else if byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    mutating func number() -> Double? {
        skipSpace()
        let start = index
        while index < bytes.count, Cursor.isNumberByte(bytes[index]) { index += 1 }
        guard index > start else { return nil }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
        var whole: Int64 = 0
        // Up to 15 digits fit an Int64 (and a Double) exactly; longer numbers go to Double(_:).
        var simple = raw.count <= 15
        var negative = false
        for (offset, byte) in raw.enumerated() where simple {
            if offset == 0, byte == UInt8(ascii: "-") { negative = true; continue }
            guard byte >= 0x30, byte <= 0x39 else { simple = false; break }
            whole = whole * 10 + Int64(byte - 0x30)
        }
        if simple, raw.count > (negative ? 1 : 0) { return Double(negative ? -whole : whole) }
        return Double(String(decoding: raw, as: UTF8.self))
    }

    mutating func literal(_ word: StaticString) -> Bool {
        skipSpace()
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    mutating func expect(_ byte: UInt8) -> Bool {
        skipSpace()
        guard peek == byte else { return false }
        index += 1
        return true
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    /// Decodes JSON escapes (`\n`, `\uXXXX` with surrogate pairs, …); nil on a bad escape.
    static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        var scalars = String.UnicodeScalarView()
        var bytes: [UInt8] = []
        var index = 0
        func flush() {
            scalars.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars)
            bytes.removeAll(keepingCapacity: true)
        }
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= raw.count else { return nil }
            return UInt32(String(decoding: UnsafeBufferPointer(rebasing: raw[at..<at + 4]), as: UTF8.self), radix: 16)
        }
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\") else { bytes.append(byte); index += 1; continue }
            guard index + 1 < raw.count else { return nil }
            let code = raw[index + 1]
            index += 2
            switch code {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(code)
            case UInt8(ascii: "u"):
                guard var value = hex4(index) else { return nil }
                index += 4
                if (0xD800..<0xDC00).contains(value), index + 6 <= raw.count, raw[index] == UInt8(ascii: "\\"),
                    raw[index + 1] == UInt8(ascii: "u"), let low = hex4(index + 2), (0xDC00..<0xE000).contains(low)
                {
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                flush()
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            default: return nil
            }
        }
        flush()
        return String(scalars)
    }
}

extension Event {
    /// The event on one JSONL line, read straight from its bytes; nil when the line is not one
    /// complete event (callers fall back to a general JSON decoder for foreign lines).
    public init?(jsonLine bytes: UnsafeRawBufferPointer) {
        guard let event = EventLineParser.parse(bytes.bindMemory(to: UInt8.self)) else { return nil }
        self = event
    }
}
