/// A skill's findings grouped by rule, worst severity first: each group shows its count,
/// severity and fix once, and its findings with links to the lines they name.
struct FindingGroup: Sendable, Encodable {
    struct Item: Sendable, Encodable {
        var message: String
        var location: String
        /// The file view at the finding's line, relative to the skill's page.
        var href: String?
    }

    var rule: String
    var severity: String
    var count: Int
    var remediation: String
    var items: [Item]
    /// Open by default: errors, and every group when there are few findings.
    var open: Bool

    /// Groups of `findings`; `views` gives the links to files' lines.
    static func make(_ findings: [SkillPage.Finding], views: FileViews) -> [FindingGroup] {
        var order: [String] = []
        var byRule: [String: [SkillPage.Finding]] = [:]
        for finding in findings {
            if byRule[finding.rule] == nil { order.append(finding.rule) }
            byRule[finding.rule, default: []].append(finding)
        }
        let groups = order.map { rule -> FindingGroup in
            let members = byRule[rule] ?? []
            let worst = members.map(\.severity).min { rank($0) < rank($1) } ?? "note"
            return FindingGroup(
                rule: rule.isEmpty ? "(no rule)" : rule, severity: worst, count: members.count,
                remediation: members.first { !$0.remediation.isEmpty }?.remediation ?? "",
                items: members.map { finding in
                    Item(message: finding.message, location: finding.location,
                         href: finding.file.flatMap { views.lineHref($0, line: finding.line) })
                },
                open: worst == "error" || findings.count <= 5)
        }
        return groups.enumerated().sorted { a, b in
            rank(a.element.severity) != rank(b.element.severity)
                ? rank(a.element.severity) < rank(b.element.severity) : a.offset < b.offset
        }.map(\.element)
    }

    /// Sort order of severities: errors first.
    static func rank(_ severity: String) -> Int {
        switch severity {
        case "error", "critical", "high": 0
        case "warning", "medium": 1
        case "note", "info", "low": 2
        default: 3
        }
    }
}
