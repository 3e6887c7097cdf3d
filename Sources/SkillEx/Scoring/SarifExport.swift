import Foundation

/// Builds one SARIF 2.1.0 log of every finding in a scoring run, with rule metadata and help.
public enum SarifExport {
    /// The log for `run`: lint rules first (all of them), then each report rule seen.
    public static func log(_ run: ScoreRun) -> SarifLog {
        var rules = (LintRuleSet.standard.definitions + SecurityRules.ruleDefinitions).map { definition in
            SarifLog.Rule(
                id: definition.id, name: definition.id, shortDescription: .init(text: definition.summary),
                fullDescription: .init(text: definition.summary),
                help: .init(text: definition.remediation, markdown: definition.remediation),
                defaultConfiguration: .init(level: definition.severity.rawValue))
        }
        var index = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var results: [SarifLog.Result] = []
        for card in run.skills {
            for finding in card.findings {
                if index[finding.rule] == nil {
                    index[finding.rule] = rules.count
                    rules.append(
                        SarifLog.Rule(
                            id: finding.rule, name: finding.rule, shortDescription: .init(text: finding.rule),
                            fullDescription: nil,
                            help: .init(text: finding.remediation, markdown: finding.remediation),
                            defaultConfiguration: .init(level: finding.severity.rawValue)))
                }
                results.append(
                    SarifLog.Result(
                        ruleId: finding.rule, ruleIndex: index[finding.rule] ?? 0, level: finding.severity.rawValue,
                        message: .init(text: "\(card.repo)/\(card.skill): \(finding.message)"),
                        locations: [
                            .init(
                                physicalLocation: .init(
                                    artifactLocation: .init(uri: uriPath("\(card.path)/\(finding.file)")),
                                    region: finding.line.map { .init(startLine: max(1, $0)) }))
                        ],
                        properties: ["skill": card.id, "component": finding.component]
                            .merging(finding.risk.map { ["risk": $0.rawValue] } ?? [:]) { a, _ in a }))
            }
        }
        let driver = SarifLog.Driver(
            name: "skillex", version: SkillExVersion.current,
            informationUri: "https://github.com/skillex/skillex", rules: rules)
        return SarifLog(runs: [SarifLog.Run(tool: .init(driver: driver), results: results)])
    }

    /// `path` percent-encoded as a relative URI reference.
    static func uriPath(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}

/// The subset of SARIF 2.1.0 SkillEx writes.
public struct SarifLog: Sendable, Encodable {
    /// The schema URI.
    public var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    /// Always `2.1.0`.
    public var version = "2.1.0"
    /// One run.
    public var runs: [Run]

    enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }

    /// A tool run.
    public struct Run: Sendable, Encodable {
        var tool: Tool
        var results: [Result]
    }
    /// The tool.
    public struct Tool: Sendable, Encodable { var driver: Driver }
    /// The tool's driver component.
    public struct Driver: Sendable, Encodable {
        var name: String
        var version: String
        var informationUri: String
        var rules: [Rule]
    }
    /// Rule metadata (`reportingDescriptor`).
    public struct Rule: Sendable, Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message?
        var help: Message
        var defaultConfiguration: Configuration
    }
    /// A message.
    public struct Message: Sendable, Encodable {
        var text: String
        var markdown: String? = nil
    }
    /// A rule's default level.
    public struct Configuration: Sendable, Encodable { var level: String }
    /// One result.
    public struct Result: Sendable, Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var properties: [String: String]
    }
    /// A location.
    public struct Location: Sendable, Encodable { var physicalLocation: PhysicalLocation }
    /// A file and region.
    public struct PhysicalLocation: Sendable, Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }
    /// A file.
    public struct ArtifactLocation: Sendable, Encodable { var uri: String }
    /// Lines.
    public struct Region: Sendable, Encodable { var startLine: Int }
}
