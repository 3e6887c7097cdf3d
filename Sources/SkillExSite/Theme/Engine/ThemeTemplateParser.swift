/// Parses the Mustache subset the built-in theme uses, following swift-mustache's parser step
/// for step (standalone lines, indentation, block definitions), over bytes. Anything else
/// (transforms, delimiter changes, dynamic partials, `\r` or other newlines, a combining
/// character on a tag) is refused, and the theme renders that template with swift-mustache.
struct ThemeTemplateParser {
    /// The template uses something this engine leaves to swift-mustache.
    struct Unsupported: Error {}

    private struct State {
        var sectionName: String?
        var newLine = true
        var inPartialDefinition = false
        var atPartialDefinitionTop = false
        var partialDefinitionIndent: ArraySlice<UInt8>?

        /// The state inside section `name`.
        func section(_ name: String, newLine: Bool) -> Self {
            var next = self
            next.sectionName = name
            next.atPartialDefinitionTop = false
            if !newLine { next.newLine = false }
            return next
        }

        /// The state inside `{{<name}}`, where `{{$block}}` tags define blocks.
        func parent(_ name: String) -> Self {
            var next = self
            next.sectionName = name
            next.newLine = true
            next.inPartialDefinition = true
            next.atPartialDefinitionTop = true
            return next
        }
    }

    private let bytes: [UInt8]
    private var position = 0

    /// `text` parsed, or nil when it uses anything this engine does not support.
    static func parse(_ text: String) -> ThemeTemplate? {
        for character in text {
            // Every ASCII byte must be a character of its own, and `\n` the only line break.
            if character.isNewline, character != "\n" { return nil }
            if character.utf8.count > 1, character.utf8.contains(where: { $0 < 0x80 }) { return nil }
        }
        var parser = ThemeTemplateParser(bytes: Array(text.utf8))
        return try? parser.parse(State())
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var atEnd: Bool { position == bytes.count }
    private var current: UInt8 { atEnd ? 0 : bytes[position] }

    private mutating func parse(_ initial: State) throws(Unsupported) -> ThemeTemplate {
        var tokens: [ThemeToken] = []
        var state = initial
        var before: ArraySlice<UInt8> = []
        while !atEnd {
            if state.newLine {
                let space = read { $0 == 0x20 || $0 == 0x09 }
                if state.inPartialDefinition, !state.atPartialDefinitionTop {
                    if let indent = state.partialDefinitionIndent {
                        before = space.dropFirst(indent.count)
                    } else {
                        state.partialDefinitionIndent = space
                    }
                } else {
                    before = space
                }
            }
            let text = try readUntilTagOrNewline()
            if current == 0x0A {
                tokens.append(.text(Array(before) + text + [0x0A]))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(Array(before) + text))
                before = []
                state.newLine = false
            }
            if atEnd { break }
            var standalone = false
            let kind = current
            switch kind {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                position += 1
                let name = try readName()
                if isStandalone(state) {
                    standalone = true
                } else if !before.isEmpty {
                    tokens.append(.text(Array(before)))
                    before = []
                }
                let body = try parse(state.section(name, newLine: standalone))
                tokens.append(.section(ThemeName(name), body, inverted: kind == UInt8(ascii: "^")))
            case UInt8(ascii: "/"):
                position += 1
                guard try readName() == state.sectionName else { throw Unsupported() }
                if !isStandalone(state), !before.isEmpty { tokens.append(.text(Array(before))) }
                return ThemeTemplate(tokens: tokens)
            case UInt8(ascii: "!"):
                position += 1
                try skipComment()
                standalone = isStandalone(state)
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                if !before.isEmpty {
                    tokens.append(.text(Array(before)))
                    before = []
                }
                position += 1
                let name = try readName()
                if kind == UInt8(ascii: "{") {
                    guard current == UInt8(ascii: "}") else { throw Unsupported() }
                    position += 1
                }
                tokens.append(.variable(ThemeName(name), escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                let name = try readPartialName()
                if !before.isEmpty { tokens.append(.text(Array(before))) }
                standalone = isStandalone(state)
                tokens.append(.partial(name, indentation: standalone ? Array(before) : nil, inherits: nil))
                before = []
            case UInt8(ascii: "<"):
                position += 1
                let name = try readPartialName()
                if !before.isEmpty { tokens.append(.text(Array(before))) }
                standalone = isStandalone(state)
                let body = try parse(state.parent(name))
                var inherits: [String: ThemeTemplate] = [:]
                for token in body.tokens {
                    switch token {
                    case .blockDefinition(let block, let template): inherits[block] = template
                    case .text: break
                    default: throw Unsupported()
                    }
                }
                tokens.append(.partial(name, indentation: Array(before), inherits: inherits))
                before = []
            case UInt8(ascii: "$"):
                position += 1
                let name = try readName()
                if state.atPartialDefinitionTop {
                    standalone = isStandalone(state)
                    tokens.append(.blockDefinition(name, try parse(state.section(name, newLine: standalone))))
                } else {
                    if !before.isEmpty { tokens.append(.text(Array(before))) }
                    standalone = isStandalone(state)
                    let body = try parse(state.section(name, newLine: standalone))
                    tokens.append(.blockExpansion(name, body, indentation: Array(before)))
                    before = []
                }
            case UInt8(ascii: "="), UInt8(ascii: "%"):
                throw Unsupported()
            default:
                if !before.isEmpty {
                    tokens.append(.text(Array(before)))
                    before = []
                }
                tokens.append(.variable(ThemeName(try readName()), escaped: true))
            }
            state.newLine = standalone
        }
        guard state.sectionName == nil else { throw Unsupported() }
        return ThemeTemplate(tokens: tokens)
    }

    /// Text up to a line break (left unread) or `{{` (read); a lone `{` is text.
    private mutating func readUntilTagOrNewline() throws(Unsupported) -> [UInt8] {
        var text: [UInt8] = []
        while !atEnd {
            let byte = bytes[position]
            if byte == 0x0A { break }
            if byte == UInt8(ascii: "{") {
                // swift-mustache fails on a template that ends in `{`; so does this.
                guard position + 1 < bytes.count else { throw Unsupported() }
                if bytes[position + 1] == UInt8(ascii: "{") {
                    position += 2
                    break
                }
            }
            text.append(byte)
            position += 1
        }
        return text
    }

    /// A tag name and its closing `}}`; names with transforms (`f(x)`) are refused.
    private mutating func readName() throws(Unsupported) -> String {
        skipWhitespace()
        let name = read { Self.isNameByte($0) }
        skipWhitespace()
        guard readClose() else { throw Unsupported() }
        return String(decoding: name, as: UTF8.self)
    }

    /// A partial's name and its closing `}}`; dynamic names (`*name`) are refused.
    private mutating func readPartialName() throws(Unsupported) -> String {
        skipWhitespace()
        guard current != UInt8(ascii: "*") else { throw Unsupported() }
        let name = read { Self.isNameByte($0) || $0 == UInt8(ascii: "/") }
        skipWhitespace()
        guard readClose() else { throw Unsupported() }
        return String(decoding: name, as: UTF8.self)
    }

    private mutating func skipComment() throws(Unsupported) {
        while !atEnd {
            if readClose() { return }
            position += 1
        }
        throw Unsupported()
    }

    private mutating func readClose() -> Bool {
        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "}"), bytes[position + 1] == UInt8(ascii: "}")
        else { return false }
        position += 2
        return true
    }

    /// Whether the tag just read stands alone on its line; if so its line break is read too.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var end = position
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        guard end < bytes.count, bytes[end] == 0x0A else { return false }
        position = end + 1
        return true
    }

    private mutating func skipWhitespace() {
        _ = read { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
    }

    private mutating func read(while accepts: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = position
        while !atEnd, accepts(bytes[position]) { position += 1 }
        return bytes[start..<position]
    }

    /// Letters, digits and `.-_?*` (swift-mustache's name characters without the brackets).
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "*")
        }
    }
}
