import Foundation

/// A small, fast JSON parser straight into `JSONValue` (Foundation's decoder costs an error
/// object per failed type probe, which dominated writing large reports).
enum JSONValueParser {
    /// Why `parse` failed, with the byte offset.
    struct Failure: Error, CustomStringConvertible {
        var offset: Int
        var reason: String
        var description: String { "offset \(offset): \(reason)" }
    }

    /// Parses one JSON document.
    static func parse(_ data: Data) throws -> JSONValue {
        try parse(data, spansOf: nil).value
    }

    /// Parses one JSON document; when it is an object whose field `key` is an array, also gives
    /// the byte range of each of that array's items (offsets from the start of `data`).
    static func parse(_ data: Data, spansOf key: String?) throws -> (value: JSONValue, spans: [Range<Int>]?) {
        try data.withUnsafeBytes { raw in
            var parser = Cursor(bytes: raw.bindMemory(to: UInt8.self))
            parser.spanKey = key
            let value = try parser.value(depth: 0)
            parser.skipSpace()
            guard parser.index == parser.bytes.count else { throw parser.fail("trailing characters") }
            return (value, parser.spans)
        }
    }

    /// The document with the items of its top-level array `key` left unread (that array is
    /// empty in the value) and their byte ranges, for the caller to parse each on its own
    /// (`item`), on every core. The items are only skipped over (strings and brackets), so a
    /// range of a damaged document may hold anything: `item` refuses it.
    static func skeleton(_ data: Data, skippingItemsOf key: String) throws -> (value: JSONValue, spans: [Range<Int>]?) {
        try data.withUnsafeBytes { raw in
            var parser = Cursor(bytes: raw.bindMemory(to: UInt8.self))
            parser.spanKey = key
            parser.skipsSpanItems = true
            let value = try parser.value(depth: 0)
            parser.skipSpace()
            guard parser.index == parser.bytes.count else { throw parser.fail("trailing characters") }
            return (value, parser.spans)
        }
    }

    /// The one value filling `range` of `data`, read as nested `depth` deep (an item of a
    /// top-level array is at depth 2, where `parse` reads it).
    static func item(_ data: Data, range: Range<Int>, depth: Int) throws -> JSONValue {
        try data.withUnsafeBytes { raw in
            guard range.lowerBound >= 0, range.upperBound <= raw.count else {
                throw Failure(offset: 0, reason: "range outside the document")
            }
            var parser = Cursor(bytes: UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[range]))
            let value = try parser.value(depth: depth)
            parser.skipSpace()
            guard parser.index == parser.bytes.count else { throw parser.fail("trailing characters") }
            return value
        }
    }

    /// A document whose top-level `key` is an array, read on every core: `head` is the document
    /// with that array empty, `items` each item made by `make` from its own parse (`skeleton`,
    /// then `item`), `spans` their byte ranges. Nil when the document is not such an object, or
    /// any item fails to parse or to make: the caller then reads the whole document its usual way.
    static func splitItems<T: Sendable>(
        _ data: Data, key: String, _ make: @Sendable (JSONValue) -> T?
    ) -> (head: JSONValue, items: [T], spans: [Range<Int>])? {
        guard let skeleton = try? skeleton(data, skippingItemsOf: key), case .object(let fields) = skeleton.value,
            case .array? = fields[key], let spans = skeleton.spans
        else { return nil }
        let made = ParallelMap.map(spans) { span in (try? item(data, range: span, depth: 2)).flatMap(make) }
        guard !made.contains(where: { $0 == nil }) else { return nil }
        return (skeleton.value, made.compactMap { $0 }, spans)
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        /// An object's fields as read, one list per nesting depth and reused: the dictionary is
        /// then made once at its final size, not grown (and rehashed) key by key.
        var scratch: [[(key: String, value: JSONValue)]] = []
        /// The top-level field whose array items' byte ranges are recorded, and those ranges.
        var spanKey: String?
        var spans: [Range<Int>]?
        /// True when that array's items are skipped over, not read (`skeleton`).
        var skipsSpanItems = false

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func fail(_ reason: String) -> Failure { Failure(offset: index, reason: reason) }

        mutating func skipSpace() {
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
                index += 1
            }
        }

        mutating func value(depth: Int) throws -> JSONValue {
            guard depth < 512 else { throw fail("nested too deeply") }
            skipSpace()
            guard index < bytes.count else { throw fail("unexpected end of input") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object([:]) }
                while scratch.count <= depth { scratch.append([]) }
                var pairs = scratch[depth]
                scratch[depth] = []
                pairs.removeAll(keepingCapacity: true)
                while true {
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key") }
                    let key = try string()
                    skipSpace()
                    try expect(UInt8(ascii: ":"))
                    if depth == 0, let spanKey, key == spanKey {
                        skipSpace()
                        if index < bytes.count, bytes[index] == UInt8(ascii: "["), skipsSpanItems {
                            var ranges: [Range<Int>] = []
                            try skipArray(spans: &ranges)
                            pairs.append((key, .array([])))
                            spans = ranges
                        } else if index < bytes.count, bytes[index] == UInt8(ascii: "[") {
                            var ranges: [Range<Int>] = []
                            pairs.append((key, try array(depth: depth + 1, spans: &ranges)))
                            spans = ranges
                        } else {
                            spans = nil
                            pairs.append((key, try value(depth: depth + 1)))
                        }
                    } else {
                        pairs.append((key, try value(depth: depth + 1)))
                    }
                    skipSpace()
                    guard index < bytes.count else { throw fail("unexpected end of input") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    try expect(UInt8(ascii: "}"))
                    // A key given twice keeps its last value, as before.
                    var fields = [String: JSONValue](minimumCapacity: pairs.count)
                    for pair in pairs { fields[pair.key] = pair.value }
                    pairs.removeAll(keepingCapacity: true)
                    scratch[depth] = pairs
                    return .object(fields)
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [JSONValue] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                while true {
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard index < bytes.count else { throw fail("unexpected end of input") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    try expect(UInt8(ascii: "]"))
                    return .array(items)
                }
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return try number()
            }
        }

        /// The array at `index` (its `[`), with each item's byte range appended to `spans`.
        mutating func array(depth: Int, spans: inout [Range<Int>]) throws -> JSONValue {
            guard depth < 512 else { throw fail("nested too deeply") }
            try expect(UInt8(ascii: "["))
            var items: [JSONValue] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            while true {
                skipSpace()
                let start = index
                items.append(try value(depth: depth + 1))
                spans.append(start..<index)
                skipSpace()
                guard index < bytes.count else { throw fail("unexpected end of input") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                try expect(UInt8(ascii: "]"))
                return .array(items)
            }
        }

        /// The array at `index` (its `[`) passed over, each item's byte range appended to `spans`.
        mutating func skipArray(spans: inout [Range<Int>]) throws {
            try expect(UInt8(ascii: "["))
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return }
            while true {
                skipSpace()
                let start = index
                try skipValue()
                spans.append(start..<index)
                skipSpace()
                guard index < bytes.count else { throw fail("unexpected end of input") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                try expect(UInt8(ascii: "]"))
                return
            }
        }

        /// Passes over one value without reading it: a string to its closing quote, an object or
        /// array to the bracket that closes it (strings inside skipped), anything else to the
        /// next delimiter. Whether it is valid JSON is left to whoever reads it.
        mutating func skipValue() throws {
            guard index < bytes.count else { throw fail("unexpected end of input") }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                try skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var level = 0
                while index < bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: "\""):
                        try skipString()
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        level += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        level -= 1
                        if level == 0 {
                            index += 1
                            return
                        }
                    default: break
                    }
                    index += 1
                }
                throw fail("unexpected end of input")
            default:
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") || byte == 0x20
                        || byte == 0x0A || byte == 0x0D || byte == 0x09
                    {
                        return
                    }
                    index += 1
                }
            }
        }

        /// Passes over the string at `index` (its opening quote), escapes included.
        mutating func skipString() throws {
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                index += 1
                if byte == UInt8(ascii: "\"") { return }
            }
            throw fail("unterminated string")
        }

        mutating func expect(_ byte: UInt8) throws {
            guard index < bytes.count, bytes[index] == byte else {
                throw fail("expected '\(Character(Unicode.Scalar(byte)))'")
            }
            index += 1
        }

        mutating func literal(_ word: String) throws {
            for byte in word.utf8 { try expect(byte) }
        }

        mutating func number() throws -> JSONValue {
            // The common case, a plain integer of up to 18 digits, read from its bytes.
            var end = index
            let negative = end < bytes.count && bytes[end] == UInt8(ascii: "-")
            if negative { end += 1 }
            let digits = end
            var magnitude: Int64 = 0
            while end < bytes.count, end - digits < 18, bytes[end] &- 0x30 < 10 {
                magnitude = magnitude * 10 + Int64(bytes[end] &- 0x30)
                end += 1
            }
            if end > digits, end == bytes.count || !Self.continuesNumber(bytes[end]) {
                index = end
                return .int(negative ? -magnitude : magnitude)
            }
            return try generalNumber()
        }

        /// True for a byte that `generalNumber` would take as part of a number.
        private static func continuesNumber(_ byte: UInt8) -> Bool {
            byte &- 0x30 < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        }

        mutating func generalNumber() throws -> JSONValue {
            let start = index
            var integral = true
            while index < bytes.count {
                let byte = bytes[index]
                if (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
                    index += 1
                } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                    integral = false
                    index += 1
                } else {
                    break
                }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if integral, let number = Int64(text) { return .int(number) }
            guard !text.isEmpty, let number = Double(text) else { throw fail("invalid value") }
            // 1e999 would read as infinity and be saved as null: refused, as Foundation does.
            guard number.isFinite else { throw fail("number out of range") }
            // Foundation's decoder reads integral values such as 1e3 or 95.0 as integers; so do we.
            if let whole = Int64(exactly: number) { return .int(whole) }
            return .double(number)
        }

        mutating func string() throws -> String {
            index += 1  // opening quote
            var out: [UInt8] = []
            var start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let tail = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    // No escapes met: decode the bytes in place.
                    if out.isEmpty { return String(decoding: tail, as: UTF8.self) }
                    out.append(contentsOf: tail)
                    return String(decoding: out, as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    index += 1
                    guard index < bytes.count else { break }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count,
                            bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                        {
                            index += 2
                            let low = try hex4()
                            scalar = 0x10000 &+ ((scalar &- 0xD800) &<< 10) &+ (low &- 0xDC00)
                        }
                        let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                        out.append(contentsOf: Array(String(character).utf8))
                    default: throw fail("invalid escape")
                    }
                    start = index
                    continue
                }
                index += 1
            }
            throw fail("unterminated string")
        }

        mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count else { throw fail("short \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x41...0x46: digit = byte - 0x41 + 10
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: throw fail("invalid \\u escape")
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }
    }
}
