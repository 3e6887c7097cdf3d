import Foundation
@testable import SkillEx
import Testing

@Suite("Trim")
struct TrimTests {
    @Test(
        "trims exactly as Foundation does",
        arguments: [
            "", " ", "\t a b \t", "\n x \r\n", "plain", "\u{00A0}nbsp\u{00A0}", " \u{2003}em space ",
            "\u{0085}nel\u{2028}", " \u{301}combining ", "café ", "\u{000B}vt\u{000C}", " ✓ ",
        ])
    func matchesFoundation(_ text: String) {
        #expect(Trim.whitespaces(text) == text.trimmingCharacters(in: .whitespaces))
        #expect(Trim.whitespacesAndNewlines(text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(Trim.whitespaces(text[...]) == text[...].trimmingCharacters(in: .whitespaces))
    }

    @Test("shell words lose their quotes and parentheses only at the ends")
    func unquoted() {
        #expect(ShellSource.unquoted("\"(a'b)\"") == "a'b")
        #expect(ShellSource.unquoted("plain") == "plain")
        #expect(ShellSource.unquoted("''") == "")
    }
}
