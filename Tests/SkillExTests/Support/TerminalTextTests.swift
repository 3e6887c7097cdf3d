import Foundation
import Logging
import SkillEx
import Testing

/// What reaches a terminal: control, C1 and bidirectional characters made visible.
@Suite("Terminal text")
struct TerminalTextTests {
    @Test("C0, DEL, C1 and bidirectional controls are escaped; tab and line feed kept")
    func escapes() {
        let hostile = "a\u{1B}]0;title\u{07}\u{1B}[2J b\u{7F}c\u{9B}31m\u{202E}d\u{2066}e\r\u{0}\tf\ng"
        let text = TerminalText.escape(hostile)
        #expect(text == "a\\x1B]0;title\\x07\\x1B[2J b\\x7Fc\\x9B31m\\u202Ed\\u2066e\\x0D\\x00\tf\ng")
        #expect(TerminalText.escape(hostile, newlines: false).contains("f\\x0Ag"))
        #expect(TerminalText.escape(text) == text, "escaping twice changes nothing more")
        #expect(TerminalText.escape("plain — ✓ café 日本") == "plain — ✓ café 日本")
    }

    @Test("only SkillEx's own colours survive, and only when asked")
    func colours() {
        let painted = "\u{1B}[32m✓\u{1B}[0m name\u{1B}[2J\u{1B}[38;5;1m"
        #expect(TerminalText.escape(painted, keepingColours: true) == "\u{1B}[32m✓\u{1B}[0m name\\x1B[2J\\x1B[38;5;1m")
        #expect(!TerminalText.escape(painted).contains("\u{1B}"))
    }

    @Test("JSON text keeps its value: the escapes are JSON's own")
    func json() throws {
        let value = ["message": "x\u{1B}[2J\u{9B}\u{202E}y\u{7F}"]
        let line = TerminalText.escapeJSON(try JSONWriter.line(value))
        #expect(!line.unicodeScalars.contains { TerminalText.needsEscape($0) })
        let back = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
        #expect(back == value)
    }

    @Test("JSON escaping on bytes rewrites exactly the characters escape does, as \\uNNNN")
    func jsonBytesMatchScalars() {
        func reference(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                if TerminalText.needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        let pieces = ["a", "\t", "\n", "\r", "\u{1B}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "é", "\u{61C}", "\u{61B}",
                      "\u{200D}", "\u{200E}", "\u{200F}", "\u{2010}", "\u{2029}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2065}",
                      "\u{2066}", "\u{2069}", "\u{206A}", "—", "’", "😀", "\u{0}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0..<30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(TerminalText.escapeJSON(text) == reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        var plain = "no controls — just “quotes”"
        #expect(plain.withUTF8 { TerminalText.escapeJSON(bytes: $0) } == nil)
    }

    @Test("log metadata prints counts as integers")
    func counts() {
        #expect(Event.measurementText(15) == "15")
        #expect(Event.measurementText(0) == "0")
        #expect(Event.measurementText(-3) == "-3")
        #expect(Event.measurementText(47.5) == "47.5")
        #expect(Event.measurementText(.infinity) == "inf")
    }

    @Test("text and JSON log lines carry hostile text escaped, on one line")
    func logLines() {
        let lines = Lines()
        for format in StructuredLogHandler.Format.allCases {
            let handler = StructuredLogHandler(
                label: "t", format: format, level: .info, color: false, write: { lines.add($0) })
            let logger = Logger(label: "t", factory: { _ in handler })
            logger.warning("skill \u{1B}[2Jevil\nsecond", metadata: ["x": "a\u{202E}b"])
        }
        #expect(lines.all.count == 2)
        for line in lines.all {
            #expect(!line.contains("\n") && !line.unicodeScalars.contains { TerminalText.needsEscape($0) }, "\(line)")
        }
        #expect(lines.all.first?.contains("skill \\x1B[2Jevil\\x0Asecond") == true)
        #expect(lines.all.first?.contains("x=a\\u202Eb") == true)
    }
}

/// Collects written lines.
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
