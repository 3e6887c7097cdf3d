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
            let file = finding.file.hasPrefix(skill.folderPath + "/")
                ? String(finding.file.dropFirst(skill.folderPath.count + 1)) : "SKILL.md"
            let fieldPrefix = finding.field.map { "\($0): " } ?? ""
            return LintHit(
                rule: "spec", message: "\(fieldPrefix)\(finding.message) [\(finding.rule)]", file: file,
                line: finding.field.flatMap { fieldLine($0, in: skill.skillText) },
                cap: finding.severity == .warning ? .warning : nil, remediation: finding.fix)
        }
    }
}

/// The 1-based line of the front-matter field `name`, when SKILL.md has one.
func fieldLine(_ name: String, in text: String?) -> Int? {
    guard let text else { return nil }
    // Walks the first 200 lines (split at `\n`, as `TextScan.lines`) and stops at the field.
    let prefix = name + ":"
    let utf8 = text.utf8
    var start = utf8.startIndex
    for index in 0..<200 {
        let end = utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex
        if text[start..<end].hasPrefix(prefix) { return index + 1 }
        guard end != utf8.endIndex else { return nil }
        start = utf8.index(after: end)
    }
    return nil
}
