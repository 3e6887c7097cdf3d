/// Colours source text at build time: one forward scan over its bytes, emitting escaped HTML
/// with `<span class="hl-…">` around keywords (`k`), strings (`s`), comments (`c`), numbers and
/// literals (`n`) and names such as keys, variables and attributes (`t`). Every byte of the
/// input is escaped (`&`, `<`, `>`, `"`, `'`), and no span crosses a line break, so the output
/// splits into lines for a numbered view.
struct Highlighter {
    let rules: SyntaxRules?
    private let bytes: [UInt8]
    private var out = HTMLBytes()
    private var index = 0
    /// True until something other than spaces (or a YAML list dash) is seen on the current line.
    private var lineHead = true

    /// The escaped, coloured HTML of `text` in the language `rules` (plain escaped without rules).
    static func html(_ text: String, rules: SyntaxRules?) -> String {
        guard let rules else { return HTMLBytes.escaped(text) }
        if rules.name == "markdown" { return MarkdownColours.html(text) }
        if rules.name == "console" { return ConsoleColours.html(text) }
        var highlighter = Highlighter(rules: rules, bytes: Array(text.utf8))
        highlighter.run()
        return highlighter.out.string
    }

    private init(rules: SyntaxRules, bytes: [UInt8]) {
        self.rules = rules
        self.bytes = bytes
        out.reserve(bytes.count + bytes.count / 2)
    }

    private mutating func run() {
        guard let rules else { return }
        while index < bytes.count {
            let byte = bytes[index]
            let start = index
            if byte == 0x0A {
                lineHead = true
                out.append(bytes[index])
                index += 1
                continue
            }
            if let close = commentEnd(rules) {
                emit("c", start, close)
            } else if rules.quotes.contains(byte) {
                let end = stringEnd(rules, quote: byte)
                let isKey = rules.colonKeys && nextNonSpace(from: end) == UInt8(ascii: ":")
                emit(isKey ? "t" : "s", start, end)
            } else if Self.isDigit(byte), !previousIsName(rules) {
                index += 1
                while index < bytes.count, Self.isNameByte(bytes[index]) || bytes[index] == UInt8(ascii: ".") { index += 1 }
                emit("n", start, index)
            } else if Self.isNameStart(byte) {
                index += 1
                while index < bytes.count, Self.isNameByte(bytes[index]) || rules.nameBytes.contains(bytes[index]) { index += 1 }
                let word = String(decoding: bytes[start..<index], as: UTF8.self)
                if rules.colonKeys, lineHead, index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                    emit("t", start, index)
                } else if rules.keywords.contains(word) {
                    emit("k", start, index)
                } else if rules.literals.contains(word) {
                    emit("n", start, index)
                } else {
                    emit(nil, start, index)
                }
            } else if (rules.dollarVariables && byte == UInt8(ascii: "$")) || (rules.atNames && byte == UInt8(ascii: "@")) {
                index += 1
                if byte == UInt8(ascii: "$"), index < bytes.count, bytes[index] == UInt8(ascii: "{") {
                    while index < bytes.count, bytes[index] != UInt8(ascii: "}"), bytes[index] != 0x0A { index += 1 }
                    if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1 }
                } else {
                    while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
                }
                emit(index - start > 1 ? "t" : nil, start, index)
            } else {
                index += 1
                emit(nil, start, index)
                if byte == UInt8(ascii: "-") || byte == 0x20 || byte == 0x09 { continue }
            }
            lineHead = false
        }
    }

    /// The end of a comment starting at `index`, or nil when none starts there.
    private func commentEnd(_ rules: SyntaxRules) -> Int? {
        for mark in rules.lineComments where matches(mark, at: index) {
            if mark == "#", rules.hashNeedsSpace, index > 0, bytes[index - 1] != 0x20, bytes[index - 1] != 0x09,
               bytes[index - 1] != 0x0A { continue }
            var end = index + mark.utf8.count
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            return end
        }
        if let (open, close) = rules.blockComment, matches(open, at: index) {
            var end = index + open.utf8.count
            while end < bytes.count, !matches(close, at: end) { end += 1 }
            return min(bytes.count, end + close.utf8.count)
        }
        return nil
    }

    /// The end of the string opened by `quote` at `index` (past its closing quote, or at the end
    /// of the line or text when it is not closed).
    private func stringEnd(_ rules: SyntaxRules, quote: UInt8) -> Int {
        if rules.tripleQuotes.contains(quote), index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote {
            var end = index + 3
            while end + 2 < bytes.count, !(bytes[end] == quote && bytes[end + 1] == quote && bytes[end + 2] == quote) {
                end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            return min(bytes.count, end + 3)
        }
        let multiline = rules.multilineQuotes.contains(quote)
        // Backslash escapes, except in single quotes of shell and YAML, which take text as is.
        let escapes = !(quote == UInt8(ascii: "'") && rules.hashNeedsSpace)
        var end = index + 1
        while end < bytes.count, bytes[end] != quote {
            if bytes[end] == 0x0A, !multiline { return end }
            end += bytes[end] == UInt8(ascii: "\\") && escapes ? 2 : 1
        }
        return min(bytes.count, end + 1)
    }

    private func matches(_ mark: String, at position: Int) -> Bool {
        let utf8 = mark.utf8
        guard position + utf8.count <= bytes.count else { return false }
        return bytes[position..<(position + utf8.count)].elementsEqual(utf8)
    }

    private func nextNonSpace(from position: Int) -> UInt8? {
        var at = position
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 { at += 1 }
        return at < bytes.count ? bytes[at] : nil
    }

    private func previousIsName(_ rules: SyntaxRules) -> Bool {
        index > 0 && (Self.isNameByte(bytes[index - 1]) || rules.nameBytes.contains(bytes[index - 1]))
    }

    /// Writes bytes `start..<end` escaped, in a span of class `hl-<kind>` unless `kind` is nil;
    /// a run over several lines gets one span per line.
    private mutating func emit(_ kind: String?, _ start: Int, _ end: Int) {
        out.span(kind, bytes[start..<min(end, bytes.count)])
        index = max(index, min(end, bytes.count))
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_")
    }
    static func isNameByte(_ byte: UInt8) -> Bool { isNameStart(byte) || isDigit(byte) }
}
