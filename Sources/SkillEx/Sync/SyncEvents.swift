import Foundation

/// The telemetry a sync emits: run `started` → per skill `started`, `validated` or `failed`,
/// `synced` → run `finished` (or `failed` when any skill or repository failed).
struct SyncEvents: Sendable {
    let telemetry: Telemetry?
    let dryRun: Bool

    func runStarted() {
        emit(Event(type: .started, metadata: runMetadata))
    }

    func skillStarted(_ skill: PlannedSkill) {
        emit(Event(type: .started, repo: skill.repo, skill: skill.name, metadata: ["command": "sync"]))
    }

    /// `validated` (also for unchanged skills, which passed when they were copied) or `failed`.
    func skillChecked(_ skill: PlannedSkill, _ outcome: SkillSyncWork.Outcome, durationMs: Double) {
        var measurements = ["duration_ms": durationMs]
        switch outcome {
        case .failed(let issue):
            skillFailed(issue, durationMs: durationMs)
            return
        case .skipped(_, _, let bytes):
            measurements["bytes"] = Double(bytes)
            emit(Event(type: .validated, repo: skill.repo, skill: skill.name, measurements: measurements,
                       metadata: ["command": "sync", "status": "unchanged"]))
        case .staged(_, _, let bytes, _, _), .wouldCopy(_, let bytes):
            measurements["bytes"] = Double(bytes)
            emit(Event(type: .validated, repo: skill.repo, skill: skill.name, measurements: measurements,
                       metadata: ["command": "sync", "status": "checked"]))
        }
    }

    func skillFailed(_ issue: SyncIssue, durationMs: Double) {
        emit(Event(
            type: .failed, repo: issue.repo, skill: issue.skill, measurements: ["duration_ms": durationMs],
            metadata: ["command": "sync"], error: EventError(reason: issue.reason, message: issue.message)))
    }

    /// `synced` for a skill copied (or found unchanged) into the skills folder.
    func skillSynced(_ outcome: SkillOutcome) {
        guard ["copied", "skipped", "would_copy"].contains(outcome.status) else { return }
        var measurements: [String: Double] = [:]
        if let ms = outcome.durationMs { measurements["duration_ms"] = ms }
        if let bytes = outcome.bytes { measurements["bytes"] = Double(bytes) }
        emit(Event(type: .synced, repo: outcome.repo, skill: outcome.skill, measurements: measurements,
                   metadata: ["command": "sync", "status": outcome.status]))
    }

    func runEnded(_ result: SyncResult, durationMs: Double) {
        let summary = result.summary
        let failedSkills = result.results.filter { $0.status == "failed" }.count
        let measurements: [String: Double] = [
            "duration_ms": durationMs, "skills": Double(summary.planned), "copied": Double(summary.copied),
            "skipped": Double(summary.skipped), "removed": Double(summary.removed),
            "failed": Double(failedSkills), "errors": Double(summary.errors.count),
        ]
        for issue in summary.errors where issue.skill == nil {
            emit(Event(
                type: .failed, scope: .run, repo: issue.repo, metadata: ["command": "sync"],
                error: EventError(reason: issue.reason, message: issue.message)))
        }
        if result.status == "ok" {
            emit(Event(type: .finished, measurements: measurements, metadata: runMetadata))
        } else {
            emit(Event(
                type: .failed, measurements: measurements, metadata: runMetadata,
                error: EventError(reason: "sync_failed", message: "\(summary.errors.count) errors")))
        }
    }

    private var runMetadata: [String: String] {
        dryRun ? ["command": "sync", "dry_run": "true"] : ["command": "sync"]
    }

    private func emit(_ event: Event) { telemetry?.emit(event) }
}
