package import Foundation

/// Reads `mix credo --format json`: `{"issues": [{category, check, filename, line_no, message, priority}]}`.
///
/// Severity: category `warning` is a warning; other categories (readability, refactor, design,
/// consistency) are notes; a priority of 20 or more (Credo's "higher") raises either by one level.
package enum CredoReader {
    package static func read(_ data: Data, file: String) throws(IngestError) -> [AnalysisFinding] {
        let report = try JSONReport.decode(Report.self, from: data, file: file)
        return report.issues.map { issue in
            var severity: FindingSeverity = issue.category == "warning" ? .warning : .note
            if (issue.priority ?? 0) >= 20 { severity = severity == .note ? .warning : .error }
            return AnalysisFinding(
                tool: "credo", rule: issue.check ?? issue.category, severity: severity,
                message: issue.message, path: issue.filename, line: issue.lineNo, help: nil)
        }
    }

    private struct Report: Decodable { var issues: [Issue] }
    private struct Issue: Decodable {
        var category: String
        var check: String?
        var filename: String
        var lineNo: Int?
        var message: String
        var priority: Int?

        enum CodingKeys: String, CodingKey {
            case category, check, filename, message, priority, lineNo = "line_no"
        }
    }
}
