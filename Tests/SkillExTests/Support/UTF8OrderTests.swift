import Testing

@testable import SkillEx

@Suite("UTF-8 byte order")
struct UTF8OrderTests {
    static let samples = [
        "", "a", "b", "ab", "a/b", "a-b", "a/", "A", "Z", "é", "e\u{301}", "ü", "日本", "日", "\u{0}", "a\u{0}",
        "repo/skill", "repo/skill-2", "repo/skill/", "repo-2/skill", "ß", "ss", "\u{10FFFF}", "\u{FFFF}",
        String(repeating: "x", count: 40), String(repeating: "x", count: 40) + "y", "Ab", "aB",
    ]

    @Test("the same order as comparing the UTF-8 views, for every pair")
    func sameAsTheUTF8Views() {
        for a in Self.samples {
            for b in Self.samples {
                #expect(UTF8Order.precedes(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a.debugDescription) \(b.debugDescription)")
            }
        }
    }

    @Test("bridged and substring-made strings sort by their bytes too")
    func otherStorage() {
        let made = ["b/c", "a/b", "a/bc", "é", "a"].map { String(Substring($0)) }
        #expect(made.sorted(by: UTF8Order.precedes) == made.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        // Canonically equal strings that differ in bytes keep a byte order (String's `<` says equal).
        #expect(UTF8Order.precedes("e\u{301}", "é") != UTF8Order.precedes("é", "e\u{301}"))
    }
}
