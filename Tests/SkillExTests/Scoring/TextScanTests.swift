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
}
