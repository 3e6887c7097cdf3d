/// Turns a scoring run into telemetry: a `scored` event per skill that got a new history point
/// (score, and coverage when known: what anomaly detection reads), `rejected` for its refusal
/// and `approved` for an approval that holds; regressions ride on `scored` as metadata and a
/// `drop` measurement. The run ends with a run-scope `scored` event that counts every skill,
/// the unchanged ones too, so a run where nothing changed logs one line.
public enum ScoreEvents {
    /// Emits the events of `run` (`command` is `score`, `build` or `package`); per-skill events
    /// only for the skills in `recorded` (every skill when nil).
    public static func emit(_ run: ScoreRun, command: String, on telemetry: Telemetry, recorded: Set<String>? = nil) {
        // One time for the run's events (formatting a time per event was most of their cost).
        let time = Timestamp.millisecondString(telemetry.clock.now())
        let logged = { (repo: String, skill: String) in recorded?.contains("\(repo)/\(skill)") ?? true }
        var count = 0
        for card in run.skills where logged(card.repo, card.skill) {
            count += 1
            var measurements: [String: Double] = ["score": card.score, "threshold": run.threshold]
            for component in card.components {
                if let value = component.value { measurements["component_\(component.id)"] = value }
            }
            if let coverage = card.components.first(where: { $0.id == "coverage" })?.value {
                measurements["coverage"] = coverage
            }
            var metadata = ["command": command, "checksum": card.checksum, "gate": card.gate.rawValue]
            if let regression = card.regression {
                measurements["drop"] = regression.drop
                metadata["regression"] = "true"
            }
            telemetry.emit(Event(
                type: .scored, repo: card.repo, skill: card.skill, measurements: measurements, metadata: metadata,
                time: time))
        }
        for signal in run.signals {
            switch signal {
            case .refused(let repo, let skill, let score, let threshold):
                guard logged(repo, skill) else { continue }
                telemetry.emit(Event(
                    type: .rejected, repo: repo, skill: skill, measurements: ["score": score, "threshold": threshold],
                    metadata: ["command": command], time: time))
            case .approved(let repo, let skill, let approval):
                guard logged(repo, skill) else { continue }
                telemetry.emit(Event(
                    type: .approved, repo: repo, skill: skill, measurements: ["score": approval.score],
                    metadata: ["command": command, "by": approval.by, "reason": approval.reason, "checksum": approval.checksum],
                    time: time))
            case .regression:
                continue
            }
        }
        let summary = run.summary
        telemetry.emit(Event(
            type: .scored, scope: .run,
            measurements: [
                "skills": Double(run.skills.count), "recorded": Double(count),
                "unchanged": Double(run.skills.count - count), "admitted": Double(summary.admitted),
                "approved": Double(summary.approved), "refused": Double(summary.refused),
                "regressions": Double(summary.regressions), "threshold": run.threshold,
            ],
            metadata: ["command": command], time: time))
        telemetry.flush()
    }

    /// The webhook notifications of `run`: (`rejected` | `approved`, payload) per signal, only
    /// for the skills in `recorded` (every skill when nil), like the per-skill events: an
    /// unchanged skill's verdict was already sent when it was recorded.
    public static func notifications(
        _ run: ScoreRun, recorded: Set<String>? = nil
    ) -> [(event: String, payload: JSONValue)] {
        let notified = { (repo: String, skill: String) in recorded?.contains("\(repo)/\(skill)") ?? true }
        return run.signals.compactMap { signal in
            switch signal {
            case .refused(let repo, let skill, let score, let threshold):
                guard notified(repo, skill) else { return nil }
                return ("rejected", .object([
                    "repo": .string(repo), "skill": .string(skill), "score": .double(score),
                    "threshold": .double(threshold),
                ]))
            case .approved(let repo, let skill, let approval):
                guard notified(repo, skill) else { return nil }
                return ("approved", .object([
                    "repo": .string(repo), "skill": .string(skill), "score": .double(approval.score),
                    "by": .string(approval.by), "reason": .string(approval.reason),
                    "checksum": .string(approval.checksum), "at": .string(approval.at),
                ]))
            case .regression:
                return nil
            }
        }
    }
}
