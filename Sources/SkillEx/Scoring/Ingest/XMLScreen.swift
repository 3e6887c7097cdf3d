import Foundation

/// Checks made on a report's raw bytes before FoundationXML's parser sees them. Fuzzing found
/// inputs on which that parser traps or reads a null pointer (a tag name that is not UTF-8; a
/// processing instruction without data), and a DTD's entities can expand without bound; none
/// of these belongs in a coverage report, so each is refused with the line it is on.
enum XMLScreen {
    /// Why `data` must not be parsed, with its 1-based line; nil when it may be.
    static func problem(in data: Data) -> (line: Int, reason: String)? {
        guard String(validating: data, as: UTF8.self) != nil else {
            return (1, "not UTF-8 text (the report must be UTF-8 XML)")
        }
        return data.withUnsafeBytes { raw -> (line: Int, reason: String)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var line = 1
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A {
                    line += 1
                } else if byte == UInt8(ascii: "<"), index + 1 < bytes.count {
                    if bytes[index + 1] == UInt8(ascii: "?"), !(index == start && isDeclaration(bytes, at: index)) {
                        return (line, "processing instructions other than the leading <?xml …?> declaration are not allowed")
                    }
                    if matches(bytes, "<!ENTITY", at: index) {
                        return (line, "entity declarations are not allowed in a coverage report")
                    }
                }
                index += 1
            }
            return nil
        }
    }

    /// `<?xml` followed by white space: the XML declaration.
    private static func isDeclaration(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard matches(bytes, "<?xml", at: index), index + 5 < bytes.count else { return false }
        return [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index + 5])
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ word: String, at index: Int) -> Bool {
        let pattern = Array(word.utf8)
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }
}
