import Foundation

/// What `skillex scan` found: every skill folder given, its findings under the policy, the
/// files it skipped. Its JSON shape is `schemas/security-scan.schema.json`.
public struct SecurityScanReport: Sendable, Encodable {
    /// One finding (secrets masked, hidden characters shown as `<U+XXXX>`).
    public struct Finding: Sendable, Encodable, Equatable {
        public var rule: String
        public var risk: SecurityRisk
        public var severity: FindingSeverity
        public var file: String
        public var line: Int?
        public var message: String
        public var remediation: String
        /// True when the policy refuses the skill for this finding.
        public var refuses: Bool
    }

    /// One skill folder.
    public struct Skill: Sendable, Encodable {
        public var path: String
        public var name: String?
        /// True when a finding refuses the skill.
        public var refused: Bool
        public var findings: [Finding]
        public var skipped: [SkippedFile]
        /// Files read.
        public var scanned: Int
        /// Why the folder could not be scanned (unsafe symlink, unreadable…), if so.
        public var error: String?
    }

    /// Counts over the report.
    public struct Summary: Sendable, Encodable {
        public var skills: Int
        public var refused: Int
        public var findings: Int
        public var errors: Int
        /// Findings by risk.
        public var risks: [String: Int]
    }

    /// The SkillEx version.
    public var version = SkillExVersion.current
    /// Risks that refuse a skill.
    public var refuse: [SecurityRisk]
    public var summary: Summary
    public var skills: [Skill]

    /// True when any skill is refused.
    public var refused: Bool { summary.refused > 0 }
    /// True when any skill could not be scanned.
    public var hasErrors: Bool { summary.errors > 0 }

    init(refuse: [SecurityRisk], skills: [Skill]) {
        self.refuse = refuse
        self.skills = skills
        let findings = skills.flatMap(\.findings)
        summary = Summary(
            skills: skills.count, refused: skills.filter(\.refused).count, findings: findings.count,
            errors: skills.filter { $0.error != nil }.count,
            risks: Dictionary(grouping: findings, by: { $0.risk.rawValue }).mapValues(\.count))
    }

    /// The report as plain text lines: one header per skill, one line per finding, a total.
    public func textLines() -> [String] {
        var lines: [String] = []
        for skill in skills {
            let mark = skill.error != nil ? "error" : (skill.refused ? "refused" : (skill.findings.isEmpty ? "clean" : "findings"))
            let files = "\(skill.scanned) file\(skill.scanned == 1 ? "" : "s") scanned"
            lines.append("\(skill.path): \(mark) (\(skill.findings.count) finding\(skill.findings.count == 1 ? "" : "s"), \(files))")
            if let error = skill.error { lines.append("    \(error)") }
            for finding in skill.findings {
                let place = finding.file + (finding.line.map { ":\($0)" } ?? "")
                lines.append("  \(finding.risk.rawValue)\(finding.refuses ? " (refuses)" : "") \(finding.rule) \(place): \(finding.message)")
                lines.append("    fix: \(finding.remediation)")
            }
            for skipped in skill.skipped { lines.append("  skipped \(skipped.file): \(skipped.reason)") }
        }
        let risks = SecurityRisk.allCases.reversed().compactMap { risk in
            summary.risks[risk.rawValue].map { "\($0) \(risk.rawValue)" }
        }
        lines.append("\(summary.skills) skill\(summary.skills == 1 ? "" : "s") scanned, \(summary.refused) refused, "
            + "\(summary.findings) finding\(summary.findings == 1 ? "" : "s")" + (risks.isEmpty ? "" : " (" + risks.joined(separator: ", ") + ")"))
        return lines
    }

    /// The report as a SARIF 2.1.0 log (paths relative to where the scan ran).
    public func sarif() -> SarifLog {
        let rules = SecurityRules.definitions.map { rule in
            SarifLog.Rule(
                id: rule.id, name: rule.id, shortDescription: .init(text: rule.summary), fullDescription: .init(text: rule.summary),
                help: .init(text: rule.remediation, markdown: rule.remediation), defaultConfiguration: .init(level: rule.risk.severity.rawValue))
        }
        let index = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let results = skills.flatMap { skill in
            skill.findings.map { finding in
                SarifLog.Result(
                    ruleId: finding.rule, ruleIndex: index[finding.rule] ?? 0, level: finding.severity.rawValue,
                    message: .init(text: finding.message),
                    locations: [.init(physicalLocation: .init(
                        artifactLocation: .init(uri: SarifExport.uriPath(skill.path + "/" + finding.file)),
                        region: finding.line.map { .init(startLine: max(1, $0)) }))],
                    properties: ["risk": finding.risk.rawValue, "refuses": finding.refuses ? "true" : "false"])
            }
        }
        let driver = SarifLog.Driver(
            name: "skillex", version: SkillExVersion.current, informationUri: "https://github.com/skillex/skillex", rules: rules)
        return SarifLog(runs: [SarifLog.Run(tool: .init(driver: driver), results: results)])
    }
}
