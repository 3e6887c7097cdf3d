package import Foundation

/// A small, strict XML 1.0 reader over UTF-8 bytes that reports elements, attributes and text
/// to a callback. It replaces Foundation's `XMLParser` (and with it libxml2) for the few XML
/// inputs SkillEx reads: S3 answers and Cobertura coverage reports.
///
/// What it does not do, on purpose: expand entities (a DOCTYPE is skipped whole, so a reference
/// to anything but the five predefined entities is an error: no external entities, no
/// expansion bombs), read encodings other than UTF-8, or validate against a DTD. Nesting is
/// held to `maxDepth`, and the reader keeps its own stack of open elements, so no input makes
/// it recurse.
package struct XMLReader {
    /// The deepest nesting of elements accepted.
    package static let maxDepth = 256

    /// Receives the events; throwing stops the reading and the error reaches the caller as is.
    package typealias Handler = (XMLEvent) throws(XMLReadError) -> Void

    /// Reads `data` as one XML document, passing each start tag, piece of text and end tag to
    /// `handler`; throws at the first problem.
    package static func read(_ data: Data, handler: Handler) throws(XMLReadError) {
        let outcome: Result<Void, XMLReadError> = data.withUnsafeBytes { raw in
            var reader = XMLReader(bytes: raw.bindMemory(to: UInt8.self))
            do throws(XMLReadError) {
                try reader.run(handler)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try outcome.get()
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    var pos = 0
    /// Lines counted so far (for `.start` events): `countedLine` is the line of `countedTo`.
    private var countedTo = 0
    private var countedLine = 1
    /// Byte ranges of the names of the open elements, innermost last.
    var open: [Range<Int>] = []
    var sawRoot = false
    var sawDoctype = false

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func run(_ handler: Handler) throws(XMLReadError) {
        try checkEncoding()
        let documentStart = pos
        while pos < bytes.count {
            guard bytes[pos] == Byte.lt else {
                try characterData(handler)
                continue
            }
            guard pos + 1 < bytes.count else { throw fail(at: pos, "'<' at the end of the document") }
            switch bytes[pos + 1] {
            case Byte.question: try instruction(first: pos == documentStart)
            case Byte.bang: try bangMarkup(handler)
            case Byte.slash: try endTag(handler)
            default: try startTag(handler)
            }
        }
        if let innermost = open.last {
            throw fail(at: bytes.count, "<\(string(innermost))> is never closed (truncated document?)")
        }
        guard sawRoot else { throw fail(at: bytes.count, "no root element") }
    }

    // MARK: - Elements

    private mutating func startTag(_ handler: Handler) throws(XMLReadError) {
        let tagStart = pos
        let nameEnd = scanName(from: pos + 1)
        guard nameEnd > pos + 1 else { throw fail(at: pos, "'<' that does not start a tag (write &lt; for a literal '<')") }
        let qualified = (pos + 1)..<nameEnd
        let name = try localName(qualified)
        if open.isEmpty && sawRoot { throw fail(at: pos, "a second root element <\(string(qualified))> after the first one closed") }
        guard open.count < Self.maxDepth else { throw fail(at: pos, "elements nested more than \(Self.maxDepth) deep") }
        var attributes: [String: String] = [:]
        var index = nameEnd
        var selfClosing = false
        while true {
            let spaceStart = index
            index = skipSpace(from: index)
            guard index < bytes.count else { throw fail(at: index, "tag <\(string(qualified))> is never closed") }
            if bytes[index] == Byte.gt {
                index += 1
                break
            }
            if bytes[index] == Byte.slash {
                guard index + 1 < bytes.count, bytes[index + 1] == Byte.gt else {
                    throw fail(at: index, "'/' in tag <\(string(qualified))> not followed by '>'")
                }
                index += 2
                selfClosing = true
                break
            }
            guard index > spaceStart else { throw fail(at: index, "attributes of <\(string(qualified))> must be separated by white space") }
            index = try attribute(from: index, element: qualified, into: &attributes)
        }
        sawRoot = true
        try handler(.start(name: name, attributes: attributes, line: line(at: tagStart)))
        if selfClosing {
            try handler(.end(name: name))
        } else {
            open.append(qualified)
        }
        pos = index
    }

    /// Reads `name="value"` at `index` into `attributes`; returns the index after the closing quote.
    private func attribute(from index: Int, element: Range<Int>, into attributes: inout [String: String]) throws(XMLReadError) -> Int {
        let nameEnd = scanName(from: index)
        guard nameEnd > index else { throw fail(at: index, "malformed attribute in <\(string(element))>") }
        let name = string(index..<nameEnd)
        var cursor = skipSpace(from: nameEnd)
        guard cursor < bytes.count, bytes[cursor] == Byte.equals else {
            throw fail(at: cursor, "attribute \(name) of <\(string(element))> has no '=' and value")
        }
        cursor = skipSpace(from: cursor + 1)
        guard cursor < bytes.count, bytes[cursor] == Byte.quote || bytes[cursor] == Byte.apostrophe else {
            throw fail(at: cursor, "value of attribute \(name) of <\(string(element))> is not in quotes")
        }
        guard let close = find(bytes[cursor], from: cursor + 1, to: bytes.count) else {
            throw fail(at: cursor, "value of attribute \(name) of <\(string(element))> is never closed")
        }
        let value = try decode((cursor + 1)..<close, attribute: true)
        guard attributes.updateValue(value, forKey: name) == nil else {
            throw fail(at: index, "duplicate attribute \(name) in <\(string(element))>")
        }
        return close + 1
    }

    private mutating func endTag(_ handler: Handler) throws(XMLReadError) {
        let nameEnd = scanName(from: pos + 2)
        guard nameEnd > pos + 2 else { throw fail(at: pos, "malformed end tag") }
        let written = (pos + 2)..<nameEnd
        let close = skipSpace(from: nameEnd)
        guard close < bytes.count, bytes[close] == Byte.gt else {
            throw fail(at: close, "end tag </\(string(written))> is not closed with '>'")
        }
        guard let innermost = open.last else {
            throw fail(at: pos, "end tag </\(string(written))> without a start tag")
        }
        guard same(innermost, written) else {
            throw fail(at: pos, "</\(string(written))> does not close <\(string(innermost))>")
        }
        open.removeLast()
        try handler(.end(name: try localName(written)))
        pos = close + 1
    }

    // MARK: - Text

    /// Text up to the next `<`: outside the root only white space may appear.
    private mutating func characterData(_ handler: Handler) throws(XMLReadError) {
        let end = find(Byte.lt, from: pos, to: bytes.count) ?? bytes.count
        if open.isEmpty {
            var index = pos
            while index < end, Byte.isSpace(bytes[index]) { index += 1 }
            if index < end {
                throw fail(at: index, sawRoot ? "text after the root element" : "text before the root element")
            }
        } else {
            try handler(.text(decode(pos..<end, attribute: false)))
        }
        pos = end
    }

    // MARK: - Positions

    /// An error at byte `index`, with its line and column.
    func fail(at index: Int, _ reason: String) -> XMLReadError {
        let end = min(max(index, 0), bytes.count)
        var line = 1
        var lineStart = 0
        var cursor = 0
        while let newline = find(Byte.newline, from: cursor, to: end) {
            line += 1
            lineStart = newline + 1
            cursor = newline + 1
        }
        var column = 1
        var scan = lineStart
        while scan < end {
            if bytes[scan] & 0xC0 != 0x80 { column += 1 }
            scan += 1
        }
        return XMLReadError(line: line, column: column, reason: reason)
    }

    /// The 1-based line of byte `index`; counts forward from the last answer, so reading a
    /// document costs one pass over its line ends.
    private mutating func line(at index: Int) -> Int {
        guard index >= countedTo else { return fail(at: index, "").line }
        var cursor = countedTo
        while let newline = find(Byte.newline, from: cursor, to: index) {
            countedLine += 1
            cursor = newline + 1
        }
        countedTo = index
        return countedLine
    }
}
