import Foundation

/// The telemetry a sync emits: run `started` → for each skill it checked, `started`, then
/// `validated` or `failed`, then `synced` → run `finished` (or `failed` when any skill or
/// repository failed). A skill found unchanged logs nothing of its own: the run's `finished`
/// event counts it (`skipped`), so a sync of a large hub where little changed adds a few lines to
/// the log, not three per skill.
struct SyncEvents: Sendable {
    let telemetry: Telemetry?
    let dryRun: Bool

    func runStarted() {
        emit(Event(type: .started, metadata: runMetadata))
    }

    /// `started` then `validated` or `failed` for a skill that was checked; nothing for one found
    /// unchanged.
    func skillChecked(_ skill: PlannedSkill, _ outcome: SkillSyncWork.Outcome, durationMs: Double) {
        var measurements = ["duration_ms": durationMs]
        switch outcome {
        case .skipped:
            return
        case .failed(let issue):
            emit(Event(type: .started, repo: skill.repo, skill: skill.name, metadata: ["command": "sync"]))
            skillFailed(issue, durationMs: durationMs)
        case .staged(_, _, let bytes, _, _, _, _), .wouldCopy(_, let bytes):
            emit(Event(type: .started, repo: skill.repo, skill: skill.name, metadata: ["command": "sync"]))
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

    /// `synced` for a skill copied into the skills folder (or that a dry run would copy).
    func skillSynced(_ outcome: SkillOutcome) {
        guard outcome.status == .copied || outcome.status == .wouldCopy else { return }
        var measurements: [String: Double] = [:]
        if let ms = outcome.durationMs { measurements["duration_ms"] = ms }
        if let bytes = outcome.bytes { measurements["bytes"] = Double(bytes) }
        emit(Event(type: .synced, repo: outcome.repo, skill: outcome.skill, measurements: measurements,
                   metadata: ["command": "sync", "status": outcome.status.rawValue]))
    }

    func runEnded(_ result: SyncResult, durationMs: Double) {
        let summary = result.summary
        let failedSkills = result.results.filter { $0.status == .failed }.count
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
        if result.status == .ok {
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
