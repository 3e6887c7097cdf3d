package import Foundation

/// Reads SARIF 2.1.0 logs from any analyser (ShellCheck, Semgrep, SwiftLint, ruff, Credo…).
package enum SarifReader {
    /// The findings of every run; a result without a location is skipped (it names no file).
    package static func read(_ data: Data, file: String) throws(IngestError) -> [AnalysisFinding] {
        let log = try JSONReport.decode(Log.self, from: data, file: file)
        guard log.version == "2.1.0" else {
            throw IngestError(file: file, position: "version", reason: "SARIF version is not 2.1.0")
        }
        var findings: [AnalysisFinding] = []
        for (runIndex, run) in log.runs.enumerated() {
            let rules = Dictionary(
                (run.tool.driver.rules ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for (index, result) in (run.results ?? []).enumerated() {
                let ruleID = result.ruleId ?? result.rule?.id ?? "unknown"
                let rule = rules[ruleID]
                let levelText = result.level ?? rule?.defaultConfiguration?.level ?? "warning"
                let severity: FindingSeverity
                switch levelText {
                case "error": severity = .error
                case "warning": severity = .warning
                case "note", "none": severity = .note
                default:
                    throw IngestError(
                        file: file, position: "runs[\(runIndex)].results[\(index)].level",
                        reason: "level is not one of error, warning, note, none")
                }
                guard let physical = result.locations?.first?.physicalLocation,
                    let uri = physical.artifactLocation?.uri
                else { continue }
                var path = uri
                if let base = physical.artifactLocation?.uriBaseId,
                    let prefix = run.originalUriBaseIds?[base]?.uri
                {
                    path = prefix.hasSuffix("/") ? prefix + uri : prefix + "/" + uri
                }
                findings.append(
                    AnalysisFinding(
                        tool: run.tool.driver.name, rule: ruleID, severity: severity,
                        message: result.message.text ?? result.message.markdown ?? ruleID,
                        path: path, line: physical.region?.startLine,
                        help: rule?.help?.text ?? rule?.shortDescription?.text))
            }
        }
        return findings
    }

    private struct Log: Decodable {
        var version: String
        var runs: [Run]
    }
    private struct Run: Decodable {
        var tool: Tool
        var results: [Result]?
        var originalUriBaseIds: [String: ArtifactLocation]?
    }
    private struct Tool: Decodable { var driver: Driver }
    private struct Driver: Decodable {
        var name: String
        var rules: [Rule]?
    }
    private struct Rule: Decodable {
        var id: String
        var shortDescription: Message?
        var help: Message?
        var defaultConfiguration: Configuration?
    }
    private struct Configuration: Decodable { var level: String? }
    private struct RuleReference: Decodable { var id: String? }
    private struct Result: Decodable {
        var ruleId: String?
        var rule: RuleReference?
        var level: String?
        var message: Message
        var locations: [Location]?
    }
    private struct Message: Decodable {
        var text: String?
        var markdown: String?
    }
    private struct Location: Decodable { var physicalLocation: PhysicalLocation? }
    private struct PhysicalLocation: Decodable {
        var artifactLocation: ArtifactLocation?
        var region: Region?
    }
    private struct ArtifactLocation: Decodable {
        var uri: String?
        var uriBaseId: String?
    }
    private struct Region: Decodable { var startLine: Int? }
}
