package import Foundation

/// Reads Cobertura XML (`coverage.py xml`, JaCoCo converters, `excoveralls` cobertura…):
/// `<class filename="…"><lines><line number="N" hits="H"/>`, with `<source>` folders
/// prefixed to relative file names when given. Element names are matched without any
/// namespace prefix.
package enum CoberturaReader {
    package static func read(_ data: Data, file: String) throws(IngestError) -> LineCoverage {
        var collector = Collector()
        do throws(XMLReadError) {
            try XMLReader.read(data) { event throws(XMLReadError) in try collector.take(event) }
        } catch {
            let reason = collector.problem ? error.reason : "not well-formed XML (\(error.reason))"
            throw IngestError(file: file, position: error.position, reason: reason)
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
    private struct Collector {
        var sources: [String] = []
        var files: [String: [Int: Bool]] = [:]
        var sawRoot = false
        /// True when the error thrown is this collector's (a Cobertura rule), not the reader's.
        var problem = false
        private var currentFile: String?
        private var inSource = false
        private var text = ""

        mutating func take(_ event: XMLEvent) throws(XMLReadError) {
            switch event {
            case .start(let name, let attributes, let line): try start(name, attributes, line: line)
            case .text(let piece): if inSource { text += piece }
            case .end(let name):
                switch name {
                case "source":
                    inSource = false
                    sources.append(Trim.whitespacesAndNewlines(text))
                case "class": currentFile = nil
                default: break
                }
            }
        }

        private mutating func start(_ name: String, _ attributes: [String: String], line: Int) throws(XMLReadError) {
            switch name {
            case "coverage": sawRoot = true
            case "source":
                inSource = true
                text = ""
            case "class":
                guard let filename = attributes["filename"], !filename.isEmpty else {
                    throw fail(line, "<class> has no filename attribute")
                }
                currentFile = filename
            case "line":
                guard let file = currentFile else { return }  // <method><lines> repeat class lines
                guard let number = attributes["number"].flatMap({ Int($0) }), number > 0,
                    let hits = attributes["hits"].flatMap({ HitCount.parse($0) })
                else {
                    throw fail(line, "<line> needs whole-number 'number' and 'hits' attributes")
                }
                files[file, default: [:]][number] = (files[file]?[number] ?? false) || hits > 0
            default: break
            }
        }

        private mutating func fail(_ line: Int, _ reason: String) -> XMLReadError {
            problem = true
            return XMLReadError(line: line, column: nil, reason: reason)
        }
    }
}
