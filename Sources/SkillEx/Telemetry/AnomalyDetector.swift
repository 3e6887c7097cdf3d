/// Finds anomalies in one streaming pass over the event log: submission spikes per hour,
/// validator regressions per run, score and coverage drops per skill. State grows with hours,
/// runs and skills seen, never with the number of events.
public struct AnomalyDetector: Sendable {
    /// The thresholds.
    public var rules: AnomalyRules
    private var copiedPerHour: [String: Int] = [:]
    private var runOrder: [String] = []
    private var checksPerRun: [String: (time: String, passed: Int, failed: Int)] = [:]
    private var scores: [String: [Double]] = [:]
    private var coverage: [String: [Double]] = [:]
    private var onlineFindings: [Anomaly] = []
    private var emittedKeys: Set<String> = []

    /// A detector with `rules`.
    public init(rules: AnomalyRules = AnomalyRules()) { self.rules = rules }

    /// Streams `log` and returns every anomaly, oldest first; `isNew` is false for those
    /// already announced by an `anomaly` event.
    public static func detect(_ log: EventLog, rules: AnomalyRules = AnomalyRules()) throws -> [Anomaly] {
        var detector = AnomalyDetector(rules: rules)
        try log.read { detector.add($0) }
        return detector.anomalies()
    }

    /// Feeds one event.
    public mutating func add(_ event: Event) {
        let hour = String(event.time.prefix(13))
        switch (event.type, event.scope) {
        case (.anomaly, _):
            if let key = event.metadata["anomaly_key"] { emittedKeys.insert(key) }
        case (.started, .run):
            copiedPerHour[hour, default: 0] += 0
        case (.synced, .skill):
            copiedPerHour[hour, default: 0] += event.metadata["status"] == "skipped" ? 0 : 1
        case (.scored, .skill):
            let window = rules.historyWindow
            onlineFindings += [
                AnomalyDetector.drop(event, "score", rules.scoreDrop, "score_drop", window, &scores),
                AnomalyDetector.drop(event, "coverage", rules.coverageDrop, "coverage_drop", window, &coverage),
            ].compactMap { $0 }
        default: break
        }
        if event.scope == .skill, event.type == .validated || event.type == .failed {
            if checksPerRun[event.runID] == nil {
                runOrder.append(event.runID)
                checksPerRun[event.runID] = (event.time, 0, 0)
            }
            if event.type == .validated { checksPerRun[event.runID]?.passed += 1 } else { checksPerRun[event.runID]?.failed += 1 }
        }
    }

    /// Every anomaly found so far, oldest first.
    public func anomalies() -> [Anomaly] {
        let all = spikes() + regressions() + onlineFindings
        return all.map { anomaly in
            var marked = anomaly
            marked.isNew = !emittedKeys.contains(anomaly.key)
            return marked
        }.sorted { ($0.time, $0.key) < ($1.time, $1.key) }
    }

    // MARK: - Rules

    private func spikes() -> [Anomaly] {
        let hours = copiedPerHour.keys.sorted()
        var found: [Anomaly] = []
        for (index, hour) in hours.enumerated() {
            let count = copiedPerHour[hour, default: 0]
            let baseline = hours[max(0, index - rules.spikeWindowHours)..<index].map { Double(copiedPerHour[$0, default: 0]) }
            guard baseline.count >= rules.spikeMinBaseline, count >= rules.spikeMinCount else { continue }
            let (median, mad) = RobustStats.medianAndMAD(baseline)
            let threshold = median + rules.spikeK * max(1.4826 * mad, 1)
            guard Double(count) > threshold else { continue }
            found.append(Anomaly(
                kind: "submission_spike", key: "submission_spike:\(hour)", time: hour + ":00:00.000Z",
                value: Double(count), baseline: median, threshold: threshold,
                message: "\(count) skills synced in the hour from \(hour):00Z; baseline \(RobustStats.short(median))",
                isNew: true))
        }
        return found
    }

    private func regressions() -> [Anomaly] {
        var found: [Anomaly] = []
        var history: [Double] = []
        for run in runOrder {
            guard let checks = checksPerRun[run], checks.passed + checks.failed >= rules.passMinChecks else { continue }
            let rate = Double(checks.passed) / Double(checks.passed + checks.failed)
            let window = Array(history.suffix(rules.passWindowRuns))
            history.append(rate)
            guard window.count >= rules.passMinRuns else { continue }
            let (median, mad) = RobustStats.medianAndMAD(window)
            let threshold = median - max(rules.passK * 1.4826 * mad, rules.passMinDrop)
            guard rate < threshold else { continue }
            found.append(Anomaly(
                kind: "validator_regression", key: "validator_regression:\(run)", time: checks.time, runID: run,
                value: rate, baseline: median, threshold: threshold,
                message: "pass rate \(RobustStats.percent(rate)) in run \(run), trailing median \(RobustStats.percent(median))",
                isNew: true))
        }
        return found
    }

    private static func drop(
        _ event: Event, _ measure: String, _ drop: Double, _ kind: String, _ window: Int,
        _ history: inout [String: [Double]]
    ) -> Anomaly? {
        guard let value = event.measurements[measure] else { return nil }
        let subject = "\(event.repo ?? "")/\(event.skill ?? "")"
        let previous = history[subject, default: []]
        history[subject] = Array((previous + [value]).suffix(window))
        guard !previous.isEmpty else { return nil }
        let (median, _) = RobustStats.medianAndMAD(previous)
        guard value < median - drop else { return nil }
        return Anomaly(
            kind: kind, key: "\(kind):\(subject):\(event.id)", time: event.time, repo: event.repo,
            skill: event.skill, value: value, baseline: median, threshold: median - drop,
            message: "\(subject) \(measure) \(RobustStats.short(value)), down from a median of \(RobustStats.short(median))",
            isNew: true)
    }
}
