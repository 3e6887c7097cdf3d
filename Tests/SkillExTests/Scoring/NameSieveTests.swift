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
