import Testing
@testable import SkillEx

@Suite("Name sieve before file-name lookups")
struct NameSieveTests {
    private func passes(_ sieve: NameSieve, _ word: String) -> Bool {
        var copy = word
        return copy.withUTF8 { sieve.mayContain($0, 0, $0.count) }
    }

    @Test("every name passes in any ASCII case, and a word equal to none is stopped")
    func namesPassOthersStop() {
        let sieve = NameSieve(["forms.md", "fill_form.py", "SKILL.md"])
        for word in ["forms.md", "FORMS.md", "Fill_Form.PY", "skill.md", "SKILL.md"] {
            #expect(passes(sieve, word), "\(word)")
        }
        // Words of the same lengths as the names, as prose is full of.
        let stopped = ["reads.md", "paper.md", "fill_forms.p", "details."].filter { !passes(sieve, $0) }
        #expect(stopped.count >= 3, "a sieve that lets everything through saves nothing: \(stopped)")
    }

    @Test("a word with a non-ASCII byte always passes (Unicode case folding is the lookup's job)")
    func nonASCIIPasses() {
        let sieve = NameSieve(["übersicht.md"])
        #expect(passes(sieve, "ÜBERSICHT.md"))
        #expect(passes(sieve, "Ölfass.md"))
    }
}

@Suite("Path tokens")
struct PathTokensTests {
    /// Every token by walking each word, then keeping those with a `.` or `/`: what the fast
    /// search from those bytes must find.
    private func reference(_ text: String) -> [String] {
        PathTokens.tokens(text, plain: true).filter { $0.contains(".") || $0.contains("/") }.map(String.init)
    }

    @Test(arguments: [
        "", ".", "/", "a", "see scripts/run.py.", "./x ../y/z. e.g. done", "trailing word.",
        "x" + String(repeating: " word", count: 7) + " file.md\tand a/b" + String(repeating: "c", count: 40) + ".py",
        String(repeating: "0123456789abcde", count: 3) + "/", "naïve/résumé.md — ünïcode.txt, (paren/x)",
        String(repeating: "plain words without any path ", count: 9) + "end.",
    ])
    func pathTokensAreTheWordsHoldingADotOrSlash(text: String) {
        #expect(PathTokens.tokens(text, plain: false).map(String.init) == reference(text))
    }

    @Test func findsPathBytesAtEveryOffsetOfAChunk() {
        for offset in 0..<40 {
            let text = String(repeating: "a", count: offset) + "/" + String(repeating: "b", count: 40 - offset)
            var copy = text
            #expect(copy.withUTF8 { PathTokens.nextPathByte($0, from: 0) } == offset)
            #expect(copy.withUTF8 { PathTokens.nextPathByte($0, from: offset + 1) } == 41)
        }
    }
}
