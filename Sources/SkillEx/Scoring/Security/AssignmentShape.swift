/// The shape every `secret-assignment` match has, tested by bytes before its regular expression
/// runs: a `:` or `=` whose name on the left (the run of `[A-Za-z0-9_.-]` before it, past blanks
/// and one quote) holds a credential word. Prose that mentions tokens has no such name.
enum AssignmentShape {
    /// True when `line` may hold an assignment to a credential-named key.
    static func holds(_ line: Substring) -> Bool {
        guard line.utf8.contains(where: { $0 == 0x3A || $0 == 0x3D }) else { return false }
        let bytes = Array(line.utf8)
        for index in bytes.indices where bytes[index] == 0x3A || bytes[index] == 0x3D {
            var end = index
            while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            if end > 0, bytes[end - 1] == 0x22 || bytes[end - 1] == 0x27 { end -= 1 }
            var start = end
            while start > 0, isNameByte(bytes[start - 1]) { start -= 1 }
            guard end - start >= 3 else { continue }
            let name = bytes[start..<end].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            let found = name.withUnsafeBufferPointer { hay in
                SecretScan.assignmentHints.contains { hint in
                    var pin = hint
                    return pin.withUTF8 { TextScan.search(hay, for: $0) }
                }
            }
            if found { return true }
        }
        return false
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte == 0x2E
            || byte == 0x2D
    }
}
