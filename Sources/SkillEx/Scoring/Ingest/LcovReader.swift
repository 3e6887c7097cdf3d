package import Foundation

/// Reads lcov tracefiles (`SF:`, `DA:line,hits`, `LF:`/`LH:`, `end_of_record`).
///
/// Lines come from `DA` records; other records (`TN`, `FN`, `FNDA`, `BRDA`…) are skipped.
package enum LcovReader {
    package static func read(_ data: Data, file: String) throws(IngestError) -> LineCoverage {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw IngestError(file: file, position: "offset 0", reason: "not UTF-8 text")
        }
        var coverage: LineCoverage = [:]
        var current: String?
        for (index, raw) in TextScan.lines(text).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            let position = "line \(index + 1)"
            if line.isEmpty { continue }
            if line == "end_of_record" {
                guard current != nil else {
                    throw IngestError(file: file, position: position, reason: "end_of_record without SF")
                }
                current = nil
                continue
            }
            guard let colon = line.firstIndex(of: ":"),
                line[..<colon].allSatisfy({ $0.isUppercase || $0.isNumber })
            else {
                throw IngestError(file: file, position: position, reason: "expected a 'KEY:value' line")
            }
            let key = line[..<colon]
            let value = line[line.index(after: colon)...]
            switch key {
            case "SF":
                guard !value.isEmpty else { throw IngestError(file: file, position: position, reason: "SF has no path") }
                current = String(value)
                coverage[String(value), default: [:]] = coverage[String(value)] ?? [:]
            case "DA":
                guard let path = current else {
                    throw IngestError(file: file, position: position, reason: "DA before any SF record")
                }
                let fields = value.split(separator: ",")
                guard fields.count >= 2, let number = Int(fields[0]), number > 0,
                    let hits = HitCount.parse(fields[1])
                else {
                    throw IngestError(file: file, position: position, reason: "DA must be 'line,hits' with whole numbers")
                }
                coverage[path, default: [:]][number] = (coverage[path]?[number] ?? false) || hits > 0
            default:
                guard current != nil || key == "TN" || key == "VER" else {
                    throw IngestError(file: file, position: position, reason: "\(key) before any SF record")
                }
            }
        }
        return coverage
    }
}
