import Testing

@testable import SkillEx

@Suite("Text scan helpers")
struct TextScanTests {
    @Test(
        "ASCII letters are lowercased, every other byte kept",
        arguments: [("", ""), ("abc", "abc"), ("ABC Def", "abc def"), ("ÉCOLE Ünïcode Z", "École Ünïcode z"), ("@[`{", "@[`{")])
    func lowercased(_ text: String, _ expected: String) {
        #expect(TextScan.asciiLowercased(text) == expected)
        #expect(Array(TextScan.asciiLowercased(text).utf8).count == Array(text.utf8).count)
    }

    @Test("a byte is counted in any range, as a walk over every byte counts it")
    func countsBytes() {
        let text = Array("a\nb\n\n\nlong line without one\nend\n".utf8) + Array(repeating: 0x0A, count: 40)
        text.withUnsafeBufferPointer { bytes in
            for from in 0..<bytes.count {
                for to in [from, from + 1, (from + bytes.count) / 2, bytes.count] where to >= from && to <= bytes.count {
                    let walked = bytes[from..<to].filter { $0 == 0x0A }.count
                    #expect(TextScan.count(0x0A, in: bytes, from: from, to: to) == walked, "\(from)..<\(to)")
                }
            }
            #expect(TextScan.count(0x0A, in: bytes, from: 5, to: 3) == 0)
        }
    }

    @Test("scalars are counted as Unicode counts them, at every offset and length")
    func countsScalars() {
        let text = "plain ASCII, then é, ü, 日本語, 🙂🙂 and a mark e\u{301} — done."
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            for start in 0..<buffer.count {
                for end in start...buffer.count {
                    guard let slice = String(validating: buffer[start..<end], as: UTF8.self) else { continue }
                    #expect(TextScan.scalarCount(buffer, start, end) == slice.unicodeScalars.count, "\(start)..<\(end)")
                }
            }
        }
        #expect(TextScan.scalarCount(Substring(text)) == text.unicodeScalars.count)
    }
}
