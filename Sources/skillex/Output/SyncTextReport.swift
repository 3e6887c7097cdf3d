import SkillEx

/// The human-readable rendering of a `SyncResult`.
enum SyncTextReport {
    static func print(_ result: SyncResult) {
        for source in result.sources ?? [] where source.status != .failed {
            Terminal.out(GitSourceLine.text(source))
        }
        for outcome in result.results {
            let mark: String
            switch outcome.status {
            case .copied, .wouldCopy: mark = Terminal.paint("+", "32")
            case .skipped: mark = Terminal.paint("=", "2")
            case .removed: mark = Terminal.paint("-", "33")
            case .failed: mark = Terminal.paint("✗", "31")
            }
            Terminal.out("\(mark) \(outcome.repo)/\(outcome.skill) \(outcome.status.rawValue)")
            if let error = outcome.error {
                Terminal.out("    \(error.reason): \(error.description)")
                for finding in error.findings ?? [] where finding.severity == .error {
                    Terminal.out("      \(finding.line)")
                }
            }
        }
        for issue in result.summary.errors where issue.skill == nil {
            Terminal.out(Terminal.paint("✗", "31") + " \(issue.repo): \(issue.reason): \(issue.description)")
        }
        let s = result.summary
        let head = result.status == .ok ? Terminal.paint("ok", "32") : Terminal.paint("error", "31")
        Terminal.out(
            "\(head): \(s.planned) planned, \(s.copied) copied, \(s.skipped) unchanged, "
                + "\(s.removed) removed, \(s.validated) validated, \(s.errors.count) errors"
                + (result.dryRun ? " (dry run: nothing written)" : ""))
    }
}
