import Foundation
import SkillEx
import SkillExSite

// Each job's report as a stage of the build: status, counts and the line people read.

extension SyncJobReport {
    var stageReport: BuildStageReport {
        let s = result.summary
        var counts = StageCounts()
        (counts.planned, counts.copied, counts.unchanged) = (s.planned, s.copied, s.skipped)
        (counts.removed, counts.errors) = (s.removed, s.errors.count)
        return BuildStageReport(
            stage: .sync, status: status, counts: counts,
            summary: "\(s.planned) planned, \(s.copied) copied, \(s.skipped) unchanged, \(s.removed) removed, "
                + "\(s.errors.count) errors")
    }
}

extension ScoreJobReport {
    var stageReport: BuildStageReport {
        var counts = StageCounts()
        (counts.scored, counts.refused, counts.regressions) = (run.skills.count, run.summary.refused, regressions)
        // A skill below the threshold is a problem the stage reports (✗), not a success.
        return BuildStageReport(
            stage: .score, status: status, counts: counts,
            summary: "\(run.skills.count) scored, \(run.summary.refused) below the threshold "
                + "\(String(format: "%g", run.threshold)), \(regressions) regressions")
    }
}

extension PackageJobReport {
    var stageReport: BuildStageReport {
        var counts = StageCounts()
        (counts.skills, counts.refused) = (skills, refused.count)
        let refusals = refused.map { $0.description }.joined(separator: "; ")
        var summary: String
        if let pack {
            counts.bytes = Int(pack.pack.size)
            summary = "\(pack.pack.file): \(pack.skills) skills, \(pack.pack.size) bytes"
            if let delta = pack.delta { summary += "; delta from \(delta.artifact.from): \(delta.artifact.size) bytes" }
            if !refusals.isEmpty { summary += "; refused " + refusals }
        } else {
            summary = "unchanged: version \(version) already holds these \(skills) skills"
                + (refusals.isEmpty ? "" : "; refused \(refusals)")
        }
        if let market = extras?.marketplace {
            summary += "; marketplace \(market.name): \(market.plugins) plugins, \(market.skills) skills"
                + (market.written ? "" : " (unchanged)")
        }
        var report = BuildStageReport(stage: .package, status: status, counts: counts, summary: summary)
        if let warnings = extras?.warnings, !warnings.isEmpty { report.warnings = warnings }
        (report.version, report.minted) = (version, pack != nil)
        report.refused = refused.map { "\($0.repo)/\($0.skill)" }
        return report
    }
}

extension PublishJobReport {
    var stageReport: BuildStageReport {
        guard let report else {
            return BuildStageReport(
                stage: .publish, status: .skipped, counts: StageCounts(), summary: "skipped: no storage in manifest.json")
        }
        var counts = StageCounts()
        (counts.uploaded, counts.unchanged, counts.bytes) = (report.uploaded, report.unchanged, Int(report.bytesUploaded))
        var stage = BuildStageReport(
            stage: .publish, status: status, counts: counts,
            summary: "\(report.location): uploaded \(report.uploaded), unchanged \(report.unchanged), "
                + "\(report.bytesUploaded) bytes")
        stage.location = report.location
        return stage
    }
}

extension SiteJobReport {
    var stageReport: BuildStageReport {
        var counts = StageCounts()
        (counts.files, counts.rendered, counts.written) = (report.pages, report.rendered, report.written)
        (counts.unchanged, counts.removed) = (report.unchanged, report.removed)
        return BuildStageReport(stage: .site, status: .ok, counts: counts, summary: summary)
    }
}
