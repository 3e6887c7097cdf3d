/// A growing buffer of HTML bytes: text goes in escaped, optionally inside a highlight span that
/// is closed before every line break and opened again after it.
struct HTMLBytes {
    private(set) var bytes: [UInt8] = []

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    /// Appends one byte escaped.
    mutating func append(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "&"): bytes += Self.amp
        case UInt8(ascii: "<"): bytes += Self.lt
        case UInt8(ascii: ">"): bytes += Self.gt
        case UInt8(ascii: "\""): bytes += Self.quot
        case UInt8(ascii: "'"): bytes += Self.apos
        default: bytes.append(byte)
        }
    }

    /// Appends markup as it is (only ever the highlighter's own tags).
    mutating func appendMarkup(_ markup: String) { bytes += markup.utf8 }

    /// Appends `text` escaped, in `<span class="hl-<kind>">` unless `kind` is nil, one span per line.
    mutating func span<C: Collection<UInt8>>(_ kind: String?, _ text: C) {
        guard let kind else {
            for byte in text { append(byte) }
            return
        }
        var open = false
        for byte in text {
            if byte == 0x0A {
                if open { bytes += Self.close }
                open = false
                bytes.append(byte)
                continue
            }
            if !open {
                appendMarkup("<span class=\"hl-\(kind)\">")
                open = true
            }
            append(byte)
        }
        if open { bytes += Self.close }
    }

    /// `text` escaped for HTML text and attribute values.
    static func escaped(_ text: String) -> String {
        var out = HTMLBytes()
        out.reserve(text.utf8.count)
        for byte in text.utf8 { out.append(byte) }
        return out.string
    }

    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8), close = Array("</span>".utf8)
}
