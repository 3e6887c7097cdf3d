public import Foundation

/// Serialises Encodable values as stable, diff-friendly JSON: keys sorted, 2-space indent,
/// `"key": value`, no escaped slashes, a final newline.
public enum JSONWriter {
    /// The bytes of `value`.
    public static func data<T: Encodable>(_ value: T) throws -> Data {
        // Straight to the tree JSONEncoder's text would parse into (see JSONTreeEncoder).
        data(tree: try JSONTreeEncoder.tree(value), capacity: 1 << 12)
    }

    /// The bytes of an already built JSON tree.
    public static func data(tree: JSONValue, capacity: Int = 1 << 16) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        write(tree, indent: 0, into: &out)
        out.append(0x0A)
        return Data(out)
    }

    /// One compact line (for JSONL logs), keys sorted.
    public static func line<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Appends `value` at `indent` (no final newline), as `data(tree:)` writes it.
    static func write(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out += "null".utf8
        case .bool(let flag): out += (flag ? "true" : "false").utf8
        case .int(let number): out += String(number).utf8
        case .double(let number): out += format(number).utf8
        case .string(let text): quote(text, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]".utf8; return }
            out += "[\n".utf8
            for (index, item) in items.enumerated() {
                pad(indent + 2, &out)
                write(item, indent: indent + 2, into: &out)
                out += (index == items.count - 1 ? "\n" : ",\n").utf8
            }
            pad(indent, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            guard !fields.isEmpty else { out += "{}".utf8; return }
            out += "{\n".utf8
            let keys = fields.keys.sorted(by: UTF8Order.precedes)
            for (index, key) in keys.enumerated() {
                pad(indent + 2, &out)
                quote(key, into: &out)
                out += ": ".utf8
                write(fields[key] ?? .null, indent: indent + 2, into: &out)
                out += (index == keys.count - 1 ? "\n" : ",\n").utf8
            }
            pad(indent, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    static func pad(_ count: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    private static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10
    }

    /// Writes `text` as a JSON string: quote, backslash and control characters escaped; every
    /// other byte (UTF-8 included) as is.
    static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += "\\\"".utf8
            case UInt8(ascii: "\\"): out += "\\\\".utf8
            case 0x0A: out += "\\n".utf8
            case 0x0D: out += "\\r".utf8
            case 0x09: out += "\\t".utf8
            case 0x08: out += "\\b".utf8
            case 0x0C: out += "\\f".utf8
            case 0..<0x20:
                out += "\\u00".utf8
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0x0F))
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
