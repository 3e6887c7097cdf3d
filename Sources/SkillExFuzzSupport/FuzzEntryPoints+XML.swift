public import Foundation
import SkillEx

extension FuzzEntryPoints {
    /// Arbitrary bytes through `XMLReader` (and S3's readers on top of it). Checks that the
    /// events of a document that reads are balanced, no deeper than the limit, with text only
    /// inside the root; and that writing those events back out as XML reads to the same events.
    public static func xmlReader(_ data: Data) throws(FuzzViolation) {
        _ = try? S3XML.listPage(data)
        _ = S3XML.error(data)
        guard let first = events(data) else { return }
        var open: [String] = []
        var roots = 0
        for event in first {
            switch event {
            case .start(let name, _, _):
                if open.isEmpty { roots += 1 }
                open.append(name)
                guard open.count <= XMLReader.maxDepth else { throw violation("nesting deeper than the limit was accepted") }
            case .text:
                guard !open.isEmpty else { throw violation("text outside the root element was reported") }
            case .end(let name):
                guard open.popLast() == name else { throw violation("an end event does not match its start") }
            }
        }
        guard roots == 1, open.isEmpty else { throw violation("\(roots) roots, \(open.count) elements left open") }
        let written = Data(serialize(first).utf8)
        guard let second = events(written) else {
            throw violation("the events written back as XML do not read: \(String(decoding: written.prefix(200), as: UTF8.self))")
        }
        guard second == first else { throw violation("the events written back as XML read differently") }
    }

    /// The events of `data` with lines zeroed and text pieces joined (empty ones dropped); nil
    /// when the reader refuses the document.
    private static func events(_ data: Data) -> [XMLEvent]? {
        var out: [XMLEvent] = []
        do throws(XMLReadError) {
            try XMLReader.read(data) { event throws(XMLReadError) in
                switch event {
                case .start(let name, let attributes, _): out.append(.start(name: name, attributes: attributes, line: 0))
                case .text(let piece):
                    if case .text(let before)? = out.last {
                        out[out.count - 1] = .text(before + piece)
                    } else if !piece.isEmpty {
                        out.append(event)
                    }
                case .end: out.append(event)
                }
            }
        } catch {
            return nil
        }
        return out
    }

    /// The events as an XML document, with every character that would read differently escaped.
    private static func serialize(_ events: [XMLEvent]) -> String {
        var out = ""
        for event in events {
            switch event {
            case .start(let name, let attributes, _):
                out += "<" + name
                for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
                    out += " \(key)=\"\(escape(value, attribute: true))\""
                }
                out += ">"
            case .text(let text): out += escape(text, attribute: false)
            case .end(let name): out += "</\(name)>"
            }
        }
        return out
    }

    private static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func violation(_ detail: String) -> FuzzViolation {
        FuzzViolation(harness: "xml-reader", detail: detail)
    }
}
