import SkillEx
import SkillExPipeline

/// The human-readable rendering of a `PackageJobReport`.
enum PackageTextReport {
    static func print(_ report: PackageJobReport) {
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
}
