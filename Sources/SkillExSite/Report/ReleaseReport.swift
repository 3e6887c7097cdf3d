public import Foundation
import SkillEx

/// The single-file release report: what is in a release, what was kept out and why, the
/// approvals it ships on and what changed since the previous version. HTML (styles and charts
/// inline, every value escaped by the template), a Markdown summary, or the data as JSON.
public struct ReleaseReport: Sendable {
    let data: ReleaseData
    let model: ReleaseView

    /// The report of the latest version in `input`'s `dist/index.json` (or of `version`); throws
    /// when that version is not listed or its pack index is malformed.
    public init(input: SiteInput, version: String? = nil) throws(SiteError) {
        data = ReleaseData(try ReleaseSources.load(input, version: version))
        model = ReleaseView(data, input: input)
    }

    /// One self-contained HTML document.
    public func html(theme: Theme) -> String { theme.render("report", model) }

    /// The report's data (`schemas/report.schema.json`), as sorted, indented JSON.
    public func json() throws -> Data { try JSONWriter.data(data) }

    /// A Markdown summary (release notes, CI job summaries).
    public func markdown() -> String {
        let m = model
        var lines = ["# \(cell(m.title)): release report", "", cell(m.lead), ""]
        lines.append("## Pack")
        if let pack = m.pack {
            lines += ["", "| Version | Skills | Size | SHA-256 |", "|---|---|---|---|",
                      "| \(cell(pack.version)) | \(pack.skills) | \(pack.size) | `\(cell(pack.sha256))` |"]
        } else {
            lines += ["", "No data yet: no pack has been built."]
        }
        lines += ["", "## Included", ""]
        lines += m.included.isEmpty ? ["None."] : ["| Repository | Skill | Score | Gate | Change |", "|---|---|---|---|---|"]
            + m.included.map { "| \(cell($0.repo)) | \(cell($0.name)) | \($0.score) | \(cell($0.gate)) | \(cell($0.change ?? "")) |" }
        lines += ["", "## Kept out", ""]
        if !m.hasKeptOut { lines.append("None.") }
        lines += m.invalid.map { "- \(cell($0.repo))/\(cell($0.name)): invalid (\(cell($0.code))): \(cell($0.message))" + ($0.earlier ? " (the release carries its last valid copy)" : "") }
        lines += m.refused.map { row in
            "- \(cell(row.repo))/\(cell(row.name)): refused, \(cell(row.message))"
                + (row.findings.isEmpty ? "" : "; top findings: " + row.findings.map { "\($0.location.map { cell($0) + " " } ?? "")\(cell($0.message)) [\(cell($0.rule))]" }.joined(separator: "; "))
        }
        lines += m.notPacked.map { "- \(cell($0.repo))/\(cell($0.name)): \(cell($0.message))" }
        lines += ["", "## Approvals", ""]
        lines += m.approvals.isEmpty ? ["None."] : m.approvals.map {
            "- \(cell($0.repo))/\(cell($0.name)): approved by \(cell($0.by)) at \(cell($0.at)) (\(cell($0.reason))); \($0.holdsText)"
        }
        lines += ["", "## Changes", ""]
        if let changes = m.changes {
            lines.append("Since \(cell(changes.from)): \(changes.added.count) added, \(changes.changed.count) changed, \(changes.removed.count) removed.")
            lines += changes.added.map { "- added \(cell($0.repo))/\(cell($0.name)) (score \($0.score))" }
            lines += changes.changed.map { "- changed \(cell($0.repo))/\(cell($0.name)) (score \($0.previousScore) → \($0.score))" }
            lines += changes.removed.map { "- removed \(cell($0.repo))/\(cell($0.name)): \(cell($0.why))" }
            lines += changes.moves.map { "- score \(cell($0.repo))/\(cell($0.name)): \($0.from) → \($0.to) (\($0.delta))" }
        } else {
            lines.append(cell(m.changesNote))
        }
        if !m.notes.isEmpty { lines += ["", "## Notes", ""] + m.notes.map { "- " + cell($0) } }
        lines += ["", "## Skills", "", "| Repository | Skill | Status | Score |", "|---|---|---|---|"]
        lines += m.skills.map { "| \(cell($0.repo)) | \(cell($0.name)) | \($0.status) | \($0.score ?? "—") |" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text safe inside a Markdown table cell or list item (no pipes, no raw HTML, one line).
    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
