import SkillEx
import SkillExPipeline

/// The human-readable rendering of a `PackageJobReport`.
enum PackageTextReport {
    static func print(_ report: PackageJobReport) {
        defer { printExtras(report.extras) }
        guard let result = report.pack else {
            return Terminal.out(
                Terminal.paint("unchanged", "32")
                    + " \(report.version): the latest version already holds these \(report.skills) skills")
        }
        Terminal.out(
            Terminal.paint("packed", "32")
                + " \(result.version) (\(result.strategy)): \(result.skills) skills, \(result.files) files, "
                + "\(result.pack.file) \(result.pack.size) bytes")
        if let delta = result.delta {
            Terminal.out(
                "delta \(delta.artifact.from) → \(result.version): +\(delta.added.count) "
                    + "~\(delta.changed.count) -\(delta.removed.count), "
                    + "\(delta.artifact.file) \(delta.artifact.size) bytes")
        }
    }

    /// The marketplace line and the warnings (the catalog budget), issue #20.
    static func printExtras(_ extras: PackageExtras.Report?) {
        guard let extras else { return }
        if let market = extras.marketplace {
            Terminal.out(
                "marketplace \(market.name): \(market.plugins) plugins, \(market.skills) skills in \(market.folder)"
                    + (market.written ? "" : " (unchanged)"))
        }
        for line in extras.warnings { Terminal.err(Terminal.paint("warning", "33", fd: 2) + ": " + line) }
    }
}
