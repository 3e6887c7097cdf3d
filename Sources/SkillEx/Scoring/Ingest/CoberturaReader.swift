import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads Cobertura XML (`coverage.py xml`, JaCoCo converters, `excoveralls` cobertura…):
/// `<class filename="…"><lines><line number="N" hits="H"/>`, with `<source>` folders
/// prefixed to relative file names when given.
enum CoberturaReader {
    static func read(_ data: Data, file: String) throws(IngestError) -> LineCoverage {
        if let refused = XMLScreen.problem(in: data) {
            throw IngestError(file: file, position: "line \(refused.line)", reason: refused.reason)
        }
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        let ok = parser.parse()
        if let problem = collector.problem {
            throw IngestError(file: file, position: "line \(problem.line), column \(problem.column)", reason: problem.reason)
        }
        guard ok else {
            let reason = parser.parserError.map { ErrorText.oneLine(($0 as NSError).localizedDescription) } ?? "not well-formed XML"
            throw IngestError(
                file: file, position: "line \(parser.lineNumber), column \(parser.columnNumber)",
                reason: "not well-formed XML (\(reason))")
        }
        if let unclosed = collector.open.last {
            throw IngestError(
                file: file, position: "line \(parser.lineNumber), column \(parser.columnNumber)",
                reason: "<\(unclosed)> is never closed (truncated report?)")
        }
        guard collector.sawRoot else {
            throw IngestError(file: file, position: "line 1", reason: "no <coverage> root element (not a Cobertura report)")
        }
        let sources = collector.sources.filter { !$0.isEmpty }
        var coverage: LineCoverage = [:]
        for (name, lines) in collector.files {
            let path: String
            if name.hasPrefix("/") || sources.isEmpty {
                path = name
            } else {
                let base = sources[0]
                path = base.hasSuffix("/") ? base + name : base + "/" + name
            }
            coverage[path, default: [:]].merge(lines) { $0 || $1 }
        }
        return coverage
    }

    /// Collects `<source>` texts and `<line>` hits under each `<class filename>`.
    private final class Collector: NSObject, XMLParserDelegate {
        var sources: [String] = []
        var files: [String: [Int: Bool]] = [:]
        var sawRoot = false
        var problem: (line: Int, column: Int, reason: String)?
        private var currentFile: String?
        private var inSource = false
        private var text = ""
        /// Open elements, to catch mismatched or unclosed tags whatever the XML library forgives.
        var open: [String] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            open.append(name)
            switch name {
            case "coverage": sawRoot = true
            case "source":
                inSource = true
                text = ""
            case "class":
                guard let filename = attributes["filename"], !filename.isEmpty else {
                    fail(parser, "<class> has no filename attribute")
                    return
                }
                currentFile = filename
            case "line":
                guard let file = currentFile else { return }  // <method><lines> repeat class lines
                guard let number = attributes["number"].flatMap({ Int($0) }), number > 0,
                    let hits = attributes["hits"].flatMap({ HitCount.parse($0) })
                else {
                    fail(parser, "<line> needs whole-number 'number' and 'hits' attributes")
                    return
                }
                files[file, default: [:]][number] = (files[file]?[number] ?? false) || hits > 0
            default: break
            }
        }

        func parser(
            _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
        ) {
            guard open.last == name else {
                fail(parser, "</\(name)> does not close <\(open.last ?? "nothing")>")
                return
            }
            open.removeLast()
            switch name {
            case "source":
                inSource = false
                sources.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
            case "class": currentFile = nil
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inSource { text += string }
        }

        private func fail(_ parser: XMLParser, _ reason: String) {
            if problem == nil { problem = (parser.lineNumber, parser.columnNumber, reason) }
            parser.abortParsing()
        }
    }
}
