/// Markdown reduced to the words a reader sees, for the search index and its snippets: no
/// `#`, `*`, backticks, table pipes, HTML tags or link targets; whitespace folded to one space.
enum PlainText {
    /// The visible text of `markdown` (a linear pass, no parsing: good enough to index).
    static func fromMarkdown(_ markdown: Substring) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(markdown.utf8.count)
        let bytes = Array(markdown.utf8)
        var i = 0
        var space = true
        var lineStart = true
        func put(_ byte: UInt8) {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                if !space { out.append(0x20); space = true }
            } else {
                out.append(byte)
                space = false
            }
        }
        while i < bytes.count {
            let byte = bytes[i]
            let atLineStart = lineStart
            lineStart = byte == 0x0A || lineStart && (byte == 0x20 || byte == 0x09)
            let next = i + 1 < bytes.count ? bytes[i + 1] : 0
            let listMarker = atLineStart && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) && (next == 0x20 || next == 0x09)
            switch byte {
            case UInt8(ascii: "-") where next == UInt8(ascii: "-") && i + 2 < bytes.count && bytes[i + 2] == UInt8(ascii: "-"):
                // A rule or a table's separator row.
                while i < bytes.count && bytes[i] == UInt8(ascii: "-") { i += 1 }
                put(0x20)
                continue
            case _ where listMarker:
                put(0x20)
            case UInt8(ascii: "<"):
                // An HTML tag or autolink: dropped up to its `>` on the same line.
                var j = i + 1
                while j < bytes.count && bytes[j] != UInt8(ascii: ">") && bytes[j] != 0x0A { j += 1 }
                if j < bytes.count && bytes[j] == UInt8(ascii: ">") && j > i + 1 && isTagStart(bytes[i + 1]) {
                    put(0x20)
                    i = j + 1
                    continue
                }
                put(byte)
            case UInt8(ascii: "]"):
                // `[text](target)`: the target is dropped.
                if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "(") {
                    var j = i + 2
                    while j < bytes.count && bytes[j] != UInt8(ascii: ")") && bytes[j] != 0x0A { j += 1 }
                    i = j + 1
                    continue
                }
            case UInt8(ascii: "*"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "~"):
                break
            case UInt8(ascii: "!") where next == UInt8(ascii: "["):
                break
            case UInt8(ascii: "#"), UInt8(ascii: "|"), UInt8(ascii: ">"):
                put(0x20)
            case UInt8(ascii: "_") where i == 0 || i + 1 == bytes.count || !isWordByte(bytes[i - 1]) || !isWordByte(bytes[i + 1]):
                put(0x20)
            default:
                put(byte)
            }
            i += 1
        }
        while out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isTagStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") || isLetter(byte)
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    private static func isWordByte(_ byte: UInt8) -> Bool { isLetter(byte) || byte >= 0x30 && byte <= 0x39 || byte >= 0x80 }
}
