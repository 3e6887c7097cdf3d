import Foundation
import SkillEx
import Testing

@testable import SkillExSite

@Suite("Search index")
struct SearchIndexTests {
    @Test("words are lowercase runs of letters and digits; long ones are dropped")
    func words() {
        var seen: [String] = []
        SearchTokenizer.forEachWord("Use PyPDF2 (or pypdf) for Écrire_Fichiers—now! \(String(repeating: "x", count: 40))") {
            seen.append(String(decoding: $0, as: UTF8.self))
        }
        #expect(seen == ["use", "pypdf2", "or", "pypdf", "for", "écrire", "fichiers", "now"])
    }

    @Test("words read from bytes are the words of the text's scalars, in every script")
    func wordsMatchScalars() {
        // The scalar-by-scalar reading the byte reader replaced, as the reference.
        func reference(_ text: String) -> [[UInt8]] {
            var out: [[UInt8]] = []
            var word = "", ascii = true, length = 0
            func flush() {
                defer { word = ""; ascii = true; length = 0 }
                guard length > 0 else { return }
                let bytes = Array((ascii ? word : word.lowercased()).utf8)
                if (ascii ? length : SearchTokenizer.scalarCount(bytes)) <= SearchTokenizer.maxLength { out.append(bytes) }
            }
            for scalar in text.unicodeScalars {
                if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    word.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value) | (scalar.value >= 0x41 && scalar.value <= 0x5A ? 0x20 : 0)))
                    length += 1
                } else if !scalar.isASCII, SearchTokenizer.isWordScalar(scalar) {
                    ascii = false
                    word.unicodeScalars.append(scalar)
                    length += 1
                } else {
                    flush()
                }
            }
            flush()
            return out
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "9", " ", "-", "é", "Ä", "ß", "中文", "日本", "😀", "👩‍💻", "e\u{301}", "Σ", "ﬁ", "٣", "\u{200B}",
                      "\u{E0041}", "İ", "ǅ", "\n", "_", "x", "Ω", "ⅻ", "𝔸"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var seen: [[UInt8]] = []
            SearchTokenizer.forEachWord(text) { seen.append($0) }
            #expect(seen == reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("shard fingerprints: numbers written digit by digit, members grouped by shard in page order")
    func shardFingerprintParts() {
        for value in [0, 1, 9, 10, 99, 100, 12_345, 1_000_000, Int.max] {
            var bytes: [UInt8] = []
            DecimalBytes.append(Int64(value), to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
        let terms = [
            SearchTerms(length: 3, counts: ["apple": 2, "zebra": 1, "_x": 1]),
            SearchTerms(length: 2, counts: ["avocado": 1, "9lives": 1]),
            SearchTerms(length: 0, counts: [:]),
            SearchTerms(length: 1, counts: ["zoo": 4]),
        ]
        var expected: [String: [(doc: Int, section: Int)]] = [:]
        for (doc, counts) in terms.enumerated() {
            for (n, section) in counts.sections.enumerated() { expected[section.shard, default: []].append((doc, n)) }
        }
        let grouped = SearchIndexModel.shardMembers(terms)
        #expect(Set(grouped.keys) == Set(expected.keys))
        for (shard, members) in expected {
            #expect(grouped[shard]?.map(\.doc) == members.map(\.doc), "\(shard)")
            #expect(grouped[shard]?.map(\.section) == members.map(\.section), "\(shard)")
        }
        var section = Array("x\u{0}".utf8)
        terms[0].appendSection(0, numbered: 12, to: &section)
        let range = terms[0].sections[0].range
        #expect(section == Array("x\u{0}12:\(range.count):".utf8) + Array(terms[0].encoded[range]))
    }

    @Test("the stemmer cuts plural and verb endings but keeps short words")
    func stems() {
        let cases = [
            "libraries": "library", "classes": "class", "reports": "report", "status": "status", "analysis": "analysis",
            "processing": "process", "extracted": "extract", "used": "used", "is": "is", "bus": "bus", "pdfs": "pdf",
            "sing": "sing", "tables": "table", "éditées": "éditée", "naïvetés": "naïveté",
        ]
        for (word, stem) in cases { #expect(SearchTokenizer.stem(word) == stem, "\(word)") }
        #expect(SearchTokenizer.terms("Extracting Tables from PDFs") == ["extract", "table", "from", "pdf"])
    }

    @Test("Markdown becomes plain text: no syntax, link targets or tags")
    func plainText() {
        let text = PlainText.fromMarkdown(
            "# Title\n\nUse **pypdf** and `pdfplumber`; see [the guide](references/guide.md).\n\n| a | b |\n|---|---|\n"
                + "- [x] done\n- well-known\n<script>x()</script> snake_case")
        #expect(text == "Title Use pypdf and pdfplumber; see the guide. a b x done well-known x() snake_case")
    }

    @Test("postings weigh title words above description and body words")
    func weights() {
        let index = SearchIndex.build([
            SearchDocument(kind: "skill", title: "pdf-report", url: "a", description: "Makes tables", body: "pdf pdf"),
            SearchDocument(kind: "cookbook", title: "Tables", url: "b", body: "pdf"),
        ])
        let pdf = index.postings["pdf"] ?? []
        #expect(pdf.map(\.doc) == [0, 1])
        #expect(pdf.map(\.weight) == [SearchIndex.titleWeight + 2, 1])
        #expect(index.postings["table"]?.map(\.weight) == [SearchIndex.descriptionWeight, SearchIndex.titleWeight])
        #expect(index.lengths == [6, 2])
    }

    @Test("files are shards by first character plus text chunks, all calling skillexSearch")
    func files() {
        let docs = (0..<(SearchIndex.chunkSize + 1)).map {
            SearchDocument(kind: "skill", title: "skill\($0)", url: "s\($0).html", repo: "r", gate: "admitted", body: "alpha 9lives")
        }
        let files = SearchIndex.build(docs).files()
        let paths = files.extras.map(\.path)
        #expect(paths.contains("search/t-a.js") && paths.contains("search/t-9.js") && paths.contains("search/t-s.js"))
        #expect(paths.contains("search/d-0.js") && paths.contains("search/d-1.js") && !paths.contains("search/d-2.js"))
        let main = String(decoding: files.main, as: UTF8.self)
        #expect(main.hasPrefix("window.SKILLEX_SEARCH_INDEX={"))
        #expect(main.contains("\"repos\":[\"r\"]") && main.contains("\"gates\":[\"admitted\"]"))
        let alpha = files.extras.first { $0.path == "search/t-a.js" }.map { String(decoding: $0.bytes, as: UTF8.self) }
        // Page numbers are gaps from the previous one.
        #expect(alpha == "skillexSearch(\"t\",\"a\",{\"admitt\":[0,2,1,2,1,2,1,2,1,2,1,2,1,2,1,2,1,2],\"alpha\":[0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]});\n")
    }

    @Test("hostile text stays inert: no data file can close a script element")
    func hostile() {
        let evil = "</script><script>window.pwned=1</script><!-- \u{2028} \"quote\" \\ & >"
        let docs = [SearchDocument(kind: "skill", title: evil, url: "x.html", repo: evil, gate: "refused", description: evil, body: evil)]
        let files = SearchIndex.build(docs).files()
        for bytes in [files.main] + files.extras.map(\.bytes) {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("<") && !text.contains(">") && !text.contains("\u{2028}"))
        }
        let chunk = String(decoding: files.extras.first { $0.path == "search/d-0.js" }?.bytes ?? Data(), as: UTF8.self)
        #expect(chunk.contains("\\u003c/script\\u003e\\u003cscript\\u003ewindow.pwned=1"))
        #expect(chunk.contains("\\\"quote\\\" \\\\ \\u0026 \\u003e"))
    }

    @Test("a built site indexes SKILL.md bodies and references, cookbook, reference and roadmap pages")
    func site() throws {
        let fixture = try SiteFixture(stageFiles: true)
        try fixture.write("skills/acme/pdf/references/guide.md", "# Guide\n\nUse **pdfplumber** to read tables.\n")
        let (site, _) = try fixture.build()
        let main = try #require(site.text("search-index.js"))
        #expect(main.contains("\"kinds\":[\"cookbook\",\"reference\",\"roadmap\",\"skill\"]"))
        let p = try #require(site.text("search/t-p.js"))
        #expect(p.contains("\"pdfplumber\":[1,1]"))
        let text = try #require(site.text("search/d-0.js"))
        #expect(text.contains("Use pdfplumber to read tables."))
        #expect(!text.contains("**"))
        // Each page's counts (not its text) are kept for the next build, by fingerprint.
        let cache = try String(contentsOf: fixture.root.appendingPathComponent(".skillex/site-search-terms.tsv"), encoding: .utf8)
        #expect(cache.contains("pdfplumber 1") && !cache.contains("Use pdfplumber to read"))
    }
}
