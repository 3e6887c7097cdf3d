/// One flagged anomaly: what kind, about what, the value seen against its baseline.
public struct Anomaly: Sendable, Codable, Equatable {
    /// `submission_spike`, `validator_regression`, `score_drop` or `coverage_drop`.
    public var kind: String
    /// Stable identity used to emit each anomaly once (kept as `anomaly_key` in the log).
    public var key: String
    /// When the anomalous data was recorded (RFC 3339).
    public var time: String
    /// The repository, for skill anomalies.
    public var repo: String?
    /// The skill, for skill anomalies.
    public var skill: String?
    /// The run concerned, for validator regressions.
    public var runID: String?
    /// The value observed.
    public var value: Double
    /// The trailing baseline (median).
    public var baseline: Double
    /// The value past which it is flagged.
    public var threshold: Double
    /// One-line explanation.
    public var message: String
    /// False when an `anomaly` event with this key is already in the log.
    public var isNew: Bool

    /// The `anomaly` event announcing this anomaly.
    public var event: Event {
        var metadata = ["kind": kind, "anomaly_key": key, "message": message, "observed_at": time]
        if let runID { metadata["subject_run_id"] = runID }
        return Event(
            type: .anomaly, scope: skill == nil ? .run : .skill, repo: repo, skill: skill,
            measurements: ["value": value, "baseline": baseline, "threshold": threshold],
            metadata: metadata)
    }

    private enum CodingKeys: String, CodingKey {
        case kind, key, time, repo, skill, runID = "run_id", value, baseline, threshold, message
        case isNew = "new"
    }
}
