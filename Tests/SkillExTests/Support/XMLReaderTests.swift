import Foundation
import Testing
@testable import SkillEx

/// The XML reader that replaced FoundationXML: every construct it reads, every malformed
/// document it refuses (with the line), hostile documents, and the S3 and Cobertura answers
/// the old `XMLParser` code gave.
@Suite("XML reader")
struct XMLReaderTests {
    /// The events of `text`, adjacent text pieces joined.
    private func events(_ text: String) throws -> [XMLEvent] { try events(Data(text.utf8)) }

    private func events(_ data: Data) throws -> [XMLEvent] {
        var out: [XMLEvent] = []
        try XMLReader.read(data) { event throws(XMLReadError) in
            if case .text(let piece) = event, case .text(let before)? = out.last {
                out[out.count - 1] = .text(before + piece)
            } else {
                out.append(event)
            }
        }
        return out
    }

    private func failure(_ text: String) -> XMLReadError? { failure(Data(text.utf8)) }

    private func failure(_ data: Data) -> XMLReadError? {
        do {
            try XMLReader.read(data) { _ throws(XMLReadError) in }
            return nil
        } catch {
            return error
        }
    }

    @Test("declaration, PIs, comments, DOCTYPE with subset, CDATA, prefixes, attributes, references")
    func everyConstruct() throws {
        let document = """
            \u{FEFF}<?xml version="1.0" encoding="UTF-8"?>
            <?xml-stylesheet href="s.xsl"?>
            <!-- a comment with <tags> & ampersands -->
            <!DOCTYPE r SYSTEM "r.dtd" [
              <!ENTITY e "never expanded ]>">
              <!-- ] > inside a subset comment -->
              <!ATTLIST r a CDATA 'x'>
            ]>
            <p:r xmlns:p="urn:x" a='single "q"' b="double 'q'">
              <child/><!-- c --><?skip me?>
              <t>1 &lt; 2 &amp;&amp; 3 &gt; 2 &apos;&quot; &#65;&#x42;&#x1F600;</t>
              <c><![CDATA[<raw> & &amp; ]]]></c>
            </p:r>
            <!-- trailing comment -->

            """
        let got = try events(document)
        #expect(got == [
            .start(name: "r", attributes: ["xmlns:p": "urn:x", "a": #"single "q""#, "b": "double 'q'"], line: 9),
            .text("\n  "),
            .start(name: "child", attributes: [:], line: 10), .end(name: "child"),
            .text("\n  "),
            .start(name: "t", attributes: [:], line: 11), .text("1 < 2 && 3 > 2 '\" AB😀"), .end(name: "t"),
            .text("\n  "),
            .start(name: "c", attributes: [:], line: 12), .text("<raw> & &amp; ]"), .end(name: "c"),
            .text("\n"),
            .end(name: "r"),
        ])
    }

    @Test("line ends become \\n in text; tabs and line ends become spaces in attribute values")
    func normalisation() throws {
        let got = try events("<a x=\"1\r\n2\t3\n4&#10;\">one\r\ntwo\rthree</a>")
        #expect(got == [.start(name: "a", attributes: ["x": "1 2 3 4\n"], line: 1), .text("one\ntwo\nthree"), .end(name: "a")])
        #expect(try events("<a>\n\n<b\n/></a>")[2] == .start(name: "b", attributes: [:], line: 3))
    }

    @Test("a handler's error stops reading and reaches the caller unchanged")
    func handlerError() {
        let stop = XMLReadError(line: 7, column: nil, reason: "mine")
        var seen = 0
        let thrown = #expect(throws: XMLReadError.self) {
            try XMLReader.read(Data("<a><b/><c/></a>".utf8)) { event throws(XMLReadError) in
                seen += 1
                if case .start(name: "b", _, _) = event { throw stop }
            }
        }
        #expect(thrown == stop)
        #expect(seen == 2)
    }

    @Test(
        "malformed documents name the line and the problem",
        arguments: [
            ("<a>\n<b>\n</a>", 3, "</a> does not close <b>"),
            ("<a>\n<b>text", 2, "<b> is never closed"),
            ("<a/>\ntext", 2, "text after the root element"),
            ("junk\n<a/>", 1, "text before the root element"),
            ("<a/>\n\n<b/>", 3, "a second root element <b>"),
            ("<a>\n<b x=1/></a>", 2, "not in quotes"),
            ("<a\n x='1'\n x=\"2\"/>", 3, "duplicate attribute x"),
            ("<a x='1'y='2'/>", 1, "separated by white space"),
            ("<a x/>", 1, "has no '=' and value"),
            ("<a x='1/>", 1, "is never closed"),
            ("<a x='<'/>", 1, "'<' in an attribute value"),
            ("<a\n/ >", 2, "'/' in tag <a> not followed by '>'"),
            ("<a>\n&foo;</a>", 2, "undeclared entity &foo;"),
            ("<a>& b;</a>", 1, "'&' that does not start a reference"),
            ("<a>a & b</a>", 1, "'&' that does not start a reference"),
            ("<a>&#0;</a>", 1, "not a character XML allows"),
            ("<a>&#xD800;</a>", 1, "not a character XML allows"),
            ("<a>&#xFFFE;</a>", 1, "not a character XML allows"),
            ("<a>&#x110000;</a>", 1, "beyond U+10FFFF"),
            ("<a>&#99999999999999999999;</a>", 1, "beyond U+10FFFF"),
            ("<a>&#12a;</a>", 1, "malformed character reference"),
            ("<a>&#X41;</a>", 1, "malformed character reference"),
            ("<a>&#;</a>", 1, "malformed character reference"),
            ("<a>\n<!-- x -- y --></a>", 2, "'--' inside a comment"),
            ("<a><!-- open</a>", 1, "comment is never closed"),
            ("<a>\n<![CDATA[x</a>", 2, "CDATA section is never closed"),
            ("<![CDATA[x]]><a/>", 1, "CDATA section outside the root element"),
            ("<a><!ELEMENT a ANY></a>", 1, "unknown markup"),
            ("<!DOCTYPE a [\n<!ENTITY x 'y'>", 1, "DOCTYPE is never closed"),
            ("<!DOCTYPE a><!DOCTYPE a><a/>", 1, "DOCTYPE must come once"),
            ("<a/>\n<!DOCTYPE a>", 2, "DOCTYPE must come once"),
            ("\n<?xml version='1.0'?><a/>", 2, "must come first"),
            ("<a><??></a>", 1, "processing instruction without a target"),
            ("<a><?pi never closed</a>", 1, "is never closed"),
            ("<a>\n</b>", 2, "</b> does not close <a>"),
            ("</a>", 1, "without a start tag"),
            ("<a></a\n x>", 2, "is not closed with '>'"),
            ("<a:>x</a:>", 1, "malformed name a:"),
            ("<a>\n<>x</a>", 2, "does not start a tag"),
            ("<a>\n<", 2, "'<' at the end of the document"),
            ("<a", 1, "tag <a> is never closed"),
            ("", 1, "no root element"),
            ("<?xml version='1.0'?>\n<!-- only -->\n", 3, "no root element"),
            ("<a>\n\n\u{01}</a>", 3, "control character U+01"),
        ] as [(String, Int, String)])
    func malformed(document: String, line: Int, reason: String) throws {
        let error = try #require(failure(document), "accepted: \(document.debugDescription)")
        #expect(error.line == line, "\(document.debugDescription): \(error)")
        #expect(error.reason.contains(reason), "\(document.debugDescription): \(error)")
        #expect(error.column != nil)
    }

    @Test("column counts characters, not bytes")
    func column() throws {
        let error = try #require(failure("<a>\n  é &x;</a>"))
        #expect(error.position == "line 2, column 5")
    }

    @Test("encodings: a UTF-8 BOM is skipped; UTF-16 and broken UTF-8 are refused with the line")
    func encodings() throws {
        #expect(try events(Data([0xEF, 0xBB, 0xBF] + Array("<a/>".utf8))) == [.start(name: "a", attributes: [:], line: 1), .end(name: "a")])
        for bom: [UInt8] in [[0xFF, 0xFE], [0xFE, 0xFF]] {
            let utf16 = try #require(failure(Data(bom + [0x3C, 0x00, 0x61, 0x00])))
            #expect(utf16.reason.contains("UTF-16"))
        }
        let sequences: [[UInt8]] = [[0x89], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xEF, 0xBF, 0xBF]]
        for bad in sequences {
            let error = try #require(failure(Data(Array("<a>\nok\n".utf8) + bad + Array("</a>".utf8))), "accepted \(bad)")
            #expect(error.line == 3, "\(bad): \(error)")
        }
        #expect(try events("<é ü='ö'>€</é>") == [.start(name: "é", attributes: ["ü": "ö"], line: 1), .text("€"), .end(name: "é")])
    }

    @Test("entities declared in a DOCTYPE are never expanded: a billion-laughs document is refused")
    func billionLaughs() throws {
        var subset = #"<!ENTITY lol "lol">"#
        for level in 1...9 {
            subset += "\n<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let document = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n\(subset)\n]>\n<lolz>&lol9;</lolz>"
        let error = try #require(failure(document))
        #expect(error.reason.contains("undeclared entity &lol9;"))
        #expect(error.line == 14)
        let external = try #require(failure("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<r>&x;</r>"))
        #expect(external.reason.contains("undeclared entity &x;"))
        #expect(external.line == 2)
        // An unused declaration is skipped with the rest of the DOCTYPE.
        #expect(try events("<!DOCTYPE r [<!ENTITY x \"y\">]><r>z</r>")[1] == .text("z"))
    }

    @Test("nesting: 256 levels read, 257 and 100,000 are refused without recursion")
    func depth() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        }
        #expect(try events(nested(XMLReader.maxDepth)).count == 2 * XMLReader.maxDepth)
        let one = try #require(failure(nested(XMLReader.maxDepth + 1)))
        #expect(one.reason.contains("nested more than 256 deep"))
        #expect(one.column == 3 * 256 + 1)
        let deep = try #require(failure(nested(100_000)))
        #expect(deep.reason.contains("nested more than 256 deep"))
        let unclosed = try #require(failure(String(repeating: "<a>", count: 100_000)))
        #expect(unclosed.reason.contains("nested"))
    }

    @Test("text arrives in pieces around comments, CDATA and instructions; callers join them")
    func textPieces() throws {
        var pieces: [String] = []
        try XMLReader.read(Data("<a>one<!-- x -->two<![CDATA[three]]><?p?>four</a>".utf8)) { event throws(XMLReadError) in
            if case .text(let piece) = event { pieces.append(piece) }
        }
        #expect(pieces == ["one", "two", "three", "four"])
    }

    @Test("the xml-reader fuzz seeds that are documents read, so the harness's round trip runs on them")
    func fuzzSeedsRead() throws {
        for name in ["constructs.xml", "s3-list.xml", "s3-error.xml", "s3-upload.xml", "cobertura.xml", "crlf.xml", "utf8-bom.xml"] {
            let data = try Data(contentsOf: FuzzCorpus.root.appendingPathComponent("xml-reader/\(name)"))
            #expect(try events(data).count > 1, "\(name)")
        }
        for name in ["billion-laughs.xml", "deep.xml", "mismatched.xml", "utf16-bom.xml"] {
            #expect(failure(try Data(contentsOf: FuzzCorpus.root.appendingPathComponent("xml-reader/\(name)"))) != nil, "\(name)")
        }
    }
}
