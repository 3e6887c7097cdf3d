import SkillEx

/// A file's text as numbered, coloured lines for its view: each line starts with a link to
/// itself (`<a class="ln" id="L12" href="#L12">12</a>`) that findings and readers link to.
enum FileLines {
    /// The numbered lines and how many there are. Lines end at each `\n`; a CRLF file's `\r`s
    /// are left out (in HTML a `\r` is a line break of its own), and a final line break starts
    /// no line.
    static func html(_ text: String, rules: SyntaxRules?) -> (html: String, count: Int) {
        var coloured = Highlighter.html(withoutCarriageReturns(text), rules: rules)
        return coloured.withUTF8 { bytes in
            var lines: [Range<Int>] = []
            var start = 0
            while let end = TextScan.firstOffset(of: 0x0A, in: bytes, from: start) {
                lines.append(start..<end)
                start = end + 1
            }
            lines.append(start..<bytes.count)
            if lines.count > 1, lines[lines.count - 1].isEmpty { lines.removeLast() }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + lines.count * 48)
            for (offset, line) in lines.enumerated() {
                let number = String(offset + 1).utf8
                out.append(contentsOf: prefix)
                out.append(contentsOf: number)
                out.append(contentsOf: middle)
                out.append(contentsOf: number)
                out.append(contentsOf: close)
                out.append(contentsOf: number)
                out.append(contentsOf: end)
                var last = line.upperBound
                if last > line.lowerBound, bytes[last - 1] == 0x0D { last -= 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[line.lowerBound..<last]))
                out.append(0x0A)
            }
            return (String(decoding: out, as: UTF8.self), lines.count)
        }
    }

    /// `text` with each `\r\n` as `\n` (a lone `\r` stays).
    static func withoutCarriageReturns(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pending = false
        for byte in text.utf8 {
            if pending, byte != 0x0A { out.append(0x0D) }
            pending = byte == 0x0D
            if !pending { out.append(byte) }
        }
        if pending { out.append(0x0D) }
        return String(decoding: out, as: UTF8.self)
    }

    private static let prefix = Array("<a class=\"ln\" id=\"L".utf8), middle = Array("\" href=\"#L".utf8)
    private static let close = Array("\">".utf8), end = Array("</a>".utf8)
}
