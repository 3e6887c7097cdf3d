import Foundation

/// `spec`: every finding of the Agent Skills spec validator (`skillex validate`).
struct SpecRule: LintRule {
    let definitions = [
        RuleDefinition(
            id: "spec", severity: .error,
            summary: "SKILL.md breaks the Agent Skills specification (same checks as `skillex validate`).",
            remediation: "Fix the front matter as `skillex validate` explains; spec warnings stay warnings.")
    ]

    func check(_ skill: LintContext) -> [LintHit] {
        skill.validation.findings.map { finding in
            let file = finding.file.hasPrefix(skill.folder.path + "/")
                ? String(finding.file.dropFirst(skill.folder.path.count + 1)) : "SKILL.md"
            let where_ = finding.field.map { "\($0): " } ?? ""
            return LintHit(
                rule: "spec", message: "\(where_)\(finding.message) [\(finding.rule)]", file: file,
                line: finding.field.flatMap { fieldLine($0, in: skill.skillText) },
                cap: finding.severity == .warning ? .warning : nil, remediation: finding.fix)
        }
    }
}

/// The 1-based line of the front-matter field `name`, when SKILL.md has one.
func fieldLine(_ name: String, in text: String?) -> Int? {
    guard let text else { return nil }
    for (index, line) in TextScan.lines(text).prefix(200).enumerated()
    where line.hasPrefix(name + ":") {
        return index + 1
    }
    return nil
}
