/// Turns a scoring run into telemetry: a `scored` event per skill (score, and coverage when
/// known: what anomaly detection reads), `rejected` for refusals and `approved` for approvals
/// that hold; regressions ride on `scored` as metadata and a `drop` measurement.
public enum ScoreEvents {
    /// Emits the events of `run` (`command` is `score` or `package`).
    public static func emit(_ run: ScoreRun, command: String, on telemetry: Telemetry) {
        // One time for the run's events (formatting a time per event was most of their cost).
        let time = Timestamp.millisecondString(telemetry.clock.now())
        for card in run.skills {
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
                telemetry.emit(Event(
                    type: .rejected, repo: repo, skill: skill, measurements: ["score": score, "threshold": threshold],
                    metadata: ["command": command], time: time))
            case .approved(let repo, let skill, let approval):
                telemetry.emit(Event(
                    type: .approved, repo: repo, skill: skill, measurements: ["score": approval.score],
                    metadata: ["command": command, "by": approval.by, "reason": approval.reason, "checksum": approval.checksum],
                    time: time))
            case .regression:
                continue
            }
        }
        telemetry.flush()
    }

    /// The webhook notifications of `run`: (`rejected` | `approved`, payload) per signal.
    public static func notifications(_ run: ScoreRun) -> [(event: String, payload: JSONValue)] {
        run.signals.compactMap { signal in
            switch signal {
            case .refused(let repo, let skill, let score, let threshold):
                return ("rejected", .object([
                    "repo": .string(repo), "skill": .string(skill), "score": .double(score),
                    "threshold": .double(threshold),
                ]))
            case .approved(let repo, let skill, let approval):
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
