/// swift-mustache's HTML escaping (`<`, `>`, `&`, `"`, `'` as entities, compared as whole
/// characters) done over bytes.
enum HTMLEscaper {
    /// Appends `text`, escaped, to `output`.
    static func append(_ text: String, to output: inout [UInt8]) {
        let origin = output.count
        var text = text
        let whole = text.withUTF8 { bytes -> Bool in
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27 else { continue }
                // Next to a non-ASCII byte the sign may be part of a larger character (a
                // combining mark after it, a prepended one before): escape character by character.
                if index > 0 && bytes[index - 1] >= 0x80 || index + 1 < bytes.count && bytes[index + 1] >= 0x80 {
                    return false
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                output.append(contentsOf: entity(byte))
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            return true
        }
        if !whole {
            output.removeSubrange(origin...)
            appendByCharacter(text, to: &output)
        }
    }

    private static func entity(_ byte: UInt8) -> String.UTF8View {
        switch byte {
        case 0x3C: "&lt;".utf8
        case 0x3E: "&gt;".utf8
        case 0x26: "&amp;".utf8
        case 0x22: "&quot;".utf8
        default: "&#39;".utf8
        }
    }

    private static func appendByCharacter(_ text: String, to output: inout [UInt8]) {
        for character in text {
            switch character {
            case "<": output.append(contentsOf: "&lt;".utf8)
            case ">": output.append(contentsOf: "&gt;".utf8)
            case "&": output.append(contentsOf: "&amp;".utf8)
            case "\"": output.append(contentsOf: "&quot;".utf8)
            case "'": output.append(contentsOf: "&#39;".utf8)
            default: output.append(contentsOf: character.utf8)
            }
        }
    }
}
