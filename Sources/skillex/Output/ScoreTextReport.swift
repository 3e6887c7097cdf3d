import Foundation
import SkillEx

/// The human-readable rendering of a `ScoreRun`.
enum ScoreTextReport {
    static func print(_ run: ScoreRun) {
        for card in run.skills {
            let mark: String
            switch card.gate {
            case .admitted: mark = Terminal.paint("✓", "32")
            case .approved: mark = Terminal.paint("✓", "33")
            case .refused: mark = Terminal.paint("✗", "31")
            }
            Terminal.out("\(mark) \(card.id) \(String(format: "%.1f", card.score)) \(card.gate.rawValue)")
            let parts = card.components.map { c in
                c.missing
                    ? "\(c.id) missing (\(c.basis))"
                    : "\(c.id) \(String(format: "%.1f", c.value ?? 0)) × \(String(format: "%.3g", c.effectiveWeight))"
            }
            Terminal.out("    " + parts.joined(separator: ", "))
            if let approval = card.approval {
                let state = card.approvalHolds ? "holds" : "no longer holds (the skill changed)"
                Terminal.out("    approval by \(approval.by) at \(approval.at) \(state): \(approval.reason)")
            }
            if let regression = card.regression {
                Terminal.out(
                    Terminal.paint("    regression", "31")
                        + String(format: ": %.1f → %.1f (−%.1f)", regression.previous, regression.current, regression.drop))
            }
            for finding in card.findings {
                let level: String
                switch finding.severity {
                case .error: level = Terminal.paint("error", "31")
                case .warning: level = Terminal.paint("warning", "33")
                case .note: level = "note"
                }
                let place = finding.file + (finding.line.map { ":\($0)" } ?? "")
                Terminal.out("    \(level) \(place): \(finding.message) [\(finding.rule)]")
                Terminal.out("      fix: \(finding.remediation)")
            }
        }
        let s = run.summary
        Terminal.out(
            summaryMark(run) + " \(s.scored) scored: \(s.admitted) admitted, \(s.approved) approved, \(s.refused) refused, "
                + "\(s.regressions) regressions (threshold \(String(format: "%g", run.threshold)))")
    }

    /// ✗ when the gate refused any skill, ! when none was refused but one breaks a spec rule
    /// (an error finding), ✓ otherwise: never a green mark over a refusal.
    static func summaryMark(_ run: ScoreRun) -> String {
        if run.summary.refused > 0 { return Terminal.paint("✗", "31") }
        if run.skills.contains(where: { $0.findings.contains { $0.severity == .error } }) {
            return Terminal.paint("!", "33")
        }
        return Terminal.paint("✓", "32")
    }
}
