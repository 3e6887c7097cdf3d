import Foundation

/// The Markdown summary of a scoring run for a check run (and for people reading CI logs).
enum CheckSummary {
    static func markdown(_ run: ScoreRun) -> String {
        var lines = [
            "| Skill | Score | Gate | Lint | Static analysis | Coverage | Security | Findings |",
            "|---|---:|---|---:|---:|---:|---:|---:|",
        ]
        for card in run.skills {
            let values = ComponentID.all.map { id in
                card.components.first { $0.id == id }.map { $0.value.map { String(format: "%.1f", $0) } ?? "—" } ?? "—"
            }
            let gate = card.gate == .approved ? "approved by \(escape(card.approval?.by ?? "?"))" : card.gate.rawValue
            lines.append(
                "| \(escape(card.id)) | \(String(format: "%.1f", card.score)) | \(gate) | "
                    + values.joined(separator: " | ") + " | \(card.findings.count) |")
        }
        var text = lines.joined(separator: "\n")
        let regressions = run.skills.filter { $0.regression != nil }
        if !regressions.isEmpty {
            text += "\n\n**Regressions:** " + regressions.compactMap { card in
                card.regression.map { "\(escape(card.id)) \(String(format: "%.1f → %.1f", $0.previous, $0.current))" }
            }.joined(separator: ", ")
        }
        text += "\n\nThreshold \(CheckRunPlan.format(run.threshold)). Missing components (—) have no data; "
            + "their weight goes to the others. Formula: `\(run.formula)`."
        return text
    }

    /// Escapes Markdown table and inline syntax in user-controlled text.
    static func escape(_ text: String) -> String {
        var out = ""
        for char in text {
            if "|\\`*_[]<>#".contains(char) { out.append("\\") }
            out.append(char == "\n" ? " " : char)
        }
        return out
    }
}
