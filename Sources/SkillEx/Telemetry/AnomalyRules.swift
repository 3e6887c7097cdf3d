/// The thresholds of the anomaly rules; the defaults are documented in
/// docs/cookbook/50-telemetry.md.
public struct AnomalyRules: Sendable, Equatable {
    /// Spike: an hour is compared with this many earlier active hours.
    public var spikeWindowHours = 24
    /// Spike: fewer earlier active hours than this and no verdict is given.
    public var spikeMinBaseline = 6
    /// Spike: flagged above median + k × max(1.4826 × MAD, 1).
    public var spikeK = 5.0
    /// Spike: an hour with fewer submissions than this is never a spike.
    public var spikeMinCount = 10
    /// Regression: a run is compared with this many earlier runs.
    public var passWindowRuns = 10
    /// Regression: fewer earlier runs than this and no verdict is given.
    public var passMinRuns = 3
    /// Regression: runs that checked fewer skills than this are ignored.
    public var passMinChecks = 5
    /// Regression: flagged below median − max(k × 1.4826 × MAD, `passMinDrop`).
    public var passK = 3.0
    /// Regression: the smallest drop in pass rate (0–1) that counts.
    public var passMinDrop = 0.1
    /// Score/coverage: a new value is compared with the median of this many earlier ones.
    public var historyWindow = 5
    /// Score drop: flagged when the score falls this many points (0–100) below that median.
    public var scoreDrop = 10.0
    /// Coverage drop: flagged when coverage falls this many points (0–100) below that median.
    public var coverageDrop = 5.0

    /// The default rules.
    public init() {}
}
