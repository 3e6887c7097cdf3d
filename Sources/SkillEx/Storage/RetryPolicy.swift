import Foundation

/// Exponential backoff with jitter, bounded by attempts and total time.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// Delay before the first retry, in seconds.
    public var baseDelay: Double
    /// Longest single delay.
    public var maxDelay: Double
    /// Retrying stops once this many seconds have passed since the first attempt.
    public var budget: Double

    /// A policy; the defaults suit object storage.
    public init(maxAttempts: Int = 5, baseDelay: Double = 0.2, maxDelay: Double = 5, budget: Double = 60) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.budget = budget
    }

    /// The delay before retry number `retry` (1 = first retry): half the capped exponential
    /// step plus a random share of the other half (`unit` in 0...1), so retries spread out
    /// but never fire at once.
    public func delay(beforeRetry retry: Int, unit: Double) -> Double {
        let step = min(maxDelay, baseDelay * pow(2, Double(max(0, retry - 1))))
        return step / 2 + step / 2 * min(1, max(0, unit))
    }

    /// Whether another attempt may start after `attempts` attempts and `elapsed` seconds,
    /// waiting `nextDelay` first.
    public func allowsRetry(afterAttempts attempts: Int, elapsed: Double, nextDelay: Double) -> Bool {
        attempts < maxAttempts && elapsed + nextDelay <= budget
    }

    /// True for HTTP statuses worth retrying: 5xx and 429 (and 408).
    public static func isRetryable(status: Int) -> Bool {
        status >= 500 || status == 429 || status == 408
    }
}
