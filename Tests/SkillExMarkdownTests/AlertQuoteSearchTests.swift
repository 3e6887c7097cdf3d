import Testing
@testable import SkillExMarkdown

@Suite("Alert quote search")
struct AlertQuoteSearchTests {
    @Test("the opening is found wherever it sits, and text with only part of it is passed over")
    func findsTheOpening() {
        let opening = "<blockquote>\n<p>[!"
        #expect(GFMAlerts.holdsOpening(opening))
        #expect(GFMAlerts.holdsOpening("<p>x</p>\n" + opening + "NOTE]</p>"))
        #expect(GFMAlerts.holdsOpening(String(repeating: "<a>", count: 50) + opening))
        #expect(!GFMAlerts.holdsOpening(""))
        #expect(!GFMAlerts.holdsOpening("<blockquote>\n<p>[ no"))
        #expect(!GFMAlerts.holdsOpening(String(opening.dropLast())))
        #expect(!GFMAlerts.holdsOpening(String(repeating: "<", count: 40)))
    }
}
