import Foundation
import SkillEx

/// The single-file release report: skills, scores, refusals and the pack, with styles and
/// charts inline (HTML), or a Markdown summary for release notes and CI job summaries.
public struct ReleaseReport: Sendable {
    struct Row: Sendable {
        var repo: String; var name: String; var status: String; var statusClass: String
        var score: String?; var checksum: String; var gate: String
    }
    struct Model: Sendable {
        var title: String; var generatedAt: String; var skillCount: Int; var admitted: Int; var refused: Int
        var pack: HomePage.PackSummary?; var distribution: ChartModel?; var refusals: [Row]; var skills: [Row]
    }

    let model: Model

    /// The report of `input`.
    public init(input: SiteInput) {
        let rows = input.skills.map { skill in
            let status = SkillStatus(skill)
            return Row(repo: skill.entry.sourceRepo, name: skill.entry.name, status: status.label,
                       statusClass: status.css, score: Formatting.score(skill.score), checksum: skill.entry.checksum,
                       gate: skill.scorecard?.gate ?? "")
        }
        model = Model(
            title: input.title, generatedAt: Timestamp.string(input.now), skillCount: rows.count,
            admitted: rows.filter { $0.gate == "admitted" || $0.gate == "approved" }.count,
            refused: rows.filter { $0.gate == "refused" }.count,
            pack: HomePage.packSummary(input), distribution: DashboardPage.distribution(input),
            refusals: rows.filter { $0.gate == "refused" }, skills: rows)
    }

    /// One self-contained HTML document.
    public func html(theme: Theme) -> String { theme.render("report", model) }

    /// A Markdown summary.
    public func markdown() -> String {
        var lines = ["# \(model.title): release report", "",
                     "Generated \(model.generatedAt). \(model.skillCount) skills, \(model.admitted) admitted, \(model.refused) refused.", ""]
        lines.append("## Pack")
        if let pack = model.pack {
            lines += ["", "| Version | Skills | Size | SHA-256 |", "|---|---|---|---|",
                      "| \(cell(pack.version)) | \(pack.skills) | \(pack.size) | `\(cell(pack.sha256))` |"]
        } else {
            lines += ["", "No data yet: no pack has been built."]
        }
        lines += ["", "## Refused skills", ""]
        lines += model.refusals.isEmpty ? ["None."] : model.refusals.map { "- \(cell($0.repo))/\(cell($0.name)): score \($0.score ?? "—")" }
        lines += ["", "## Skills", "", "| Repository | Skill | Status | Score |", "|---|---|---|---|"]
        lines += model.skills.map { "| \(cell($0.repo)) | \(cell($0.name)) | \($0.status) | \($0.score ?? "—") |" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text safe inside a Markdown table cell (no pipes, no raw HTML).
    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
