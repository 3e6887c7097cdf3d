package import Foundation

/// Reads ExCoveralls JSON (`mix coveralls.json`): `{"source_files": [{"name", "coverage": [null|hits…]}]}`;
/// `coverage[i]` is line i+1: null is not code, 0 did not run, more ran.
package enum ExCoverallsReader {
    package static func read(_ data: Data, file: String) throws(IngestError) -> LineCoverage {
        let report = try JSONReport.decode(Report.self, from: data, file: file)
        var coverage: LineCoverage = [:]
        for source in report.sourceFiles {
            var lines = coverage[source.name] ?? [:]
            for (index, hits) in source.coverage.enumerated() {
                guard let hits else { continue }
                lines[index + 1] = (lines[index + 1] ?? false) || hits > 0
            }
            coverage[source.name] = lines
        }
        return coverage
    }

    private struct Report: Decodable {
        var sourceFiles: [Source]
        enum CodingKeys: String, CodingKey { case sourceFiles = "source_files" }
    }
    private struct Source: Decodable {
        var name: String
        var coverage: [Int?]
    }
}
