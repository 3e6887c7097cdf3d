package import Foundation

/// Reads Dialyzer's short format (`mix dialyzer --format short`): one warning per line,
/// `path:line[:column]:warning_name message`. Blank lines and the summary lines Dialyzer
/// prints around the warnings (`Total errors: …`, `done …`) are skipped. Every warning is a
/// warning: Dialyzer reports discrepancies, not style.
package enum DialyzerReader {
    package static func read(_ data: Data, file: String) throws(IngestError) -> [AnalysisFinding] {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw IngestError(file: file, position: "offset 0", reason: "not UTF-8 text")
        }
        var findings: [AnalysisFinding] = []
        for (index, raw) in TextScan.lines(text).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("Total errors") || line.hasPrefix("done ")
                || line.hasPrefix("done(") || line == "done" || line.hasPrefix("Finding suitable PLTs")
            {
                continue
            }
            guard let finding = parse(line) else {
                throw IngestError(
                    file: file, position: "line \(index + 1)",
                    reason: "expected 'path:line:warning message' (Dialyzer short format)")
            }
            findings.append(finding)
        }
        return findings
    }

    private static func parse(_ line: String) -> AnalysisFinding? {
        let parts = line.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count >= 3, !parts[0].isEmpty, let number = Int(parts[1]) else { return nil }
        var rest: Substring
        if parts.count == 4, Int(parts[2]) != nil {
            rest = parts[3]  // path:line:column:name message
        } else {
            rest = parts.dropFirst(2).joined(separator: ":")[...]
        }
        let name = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" })
        guard !name.isEmpty else { return nil }
        rest = rest.dropFirst(name.count)
        let message = rest.trimmingCharacters(in: .whitespaces)
        return AnalysisFinding(
            tool: "dialyzer", rule: String(name), severity: .warning,
            message: message.isEmpty ? String(name) : message, path: String(parts[0]), line: number,
            help: nil)
    }
}
