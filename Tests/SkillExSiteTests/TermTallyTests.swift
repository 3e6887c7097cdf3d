import Testing
@testable import SkillExSite

@Suite("Term tally")
struct TermTallyTests {
    /// The counts one dictionary keyed by the stemmed string gives: what the tally must match.
    private func reference(_ doc: SearchDocument) -> SearchTerms {
        var counts: [String: Int] = [:]
        var length = 0
        for (text, weight) in [
            (doc.title, SearchIndex.titleWeight), (doc.description, SearchIndex.descriptionWeight),
            (doc.repo + " " + doc.gate, SearchIndex.metaWeight), (doc.body, 1),
        ] {
            SearchTokenizer.forEachTerm(text) { term in
                counts[term, default: 0] += weight
                length += 1
            }
        }
        return SearchTerms(length: length, counts: counts)
    }

    @Test("a page's counts equal one dictionary's, through table growth, stems and non-ASCII words")
    func matchesADictionary() {
        let words = (0..<900).map { "word\($0 % 450)s" }.joined(separator: " ")
        let doc = SearchDocument(
            kind: "skill", title: "Parsing PDFs: parses, parsed", url: "skills/a/b/index.html", repo: "tools",
            gate: "admitted", description: "Fills forms; studies FORMS quickly — naïve Über café",
            body: words + " running runs ran ÄÖÜ äöü 123 x1y2 " + String(repeating: "z", count: 40))
        let counted = SearchTerms.count(doc)
        let expected = reference(doc)
        #expect(counted.length == expected.length)
        #expect(counted.encoded == expected.encoded)
    }

    @Test("weights add up per term and distinct byte strings stay apart")
    func addsWeights() {
        var tally = TermTally()
        for _ in 0..<3 { tally.add(Array("form".utf8), weight: 2) }
        tally.add(Array("forms".utf8), weight: 1)
        tally.add(Array("for".utf8), weight: 5)
        #expect(tally.counts() == ["form": 6, "forms": 1, "for": 5])
    }
}
