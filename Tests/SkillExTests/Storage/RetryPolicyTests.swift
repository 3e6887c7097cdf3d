import Testing
@testable import SkillEx

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 5, baseDelay: 0.2, maxDelay: 1, budget: 3)

    @Test func delaysGrowExponentiallyWithinJitterBoundsAndCap() {
        for retry in 1...6 {
            let step = min(1, 0.2 * Double(1 << (retry - 1)))
            #expect(policy.delay(beforeRetry: retry, unit: 0) == step / 2)
            #expect(policy.delay(beforeRetry: retry, unit: 1) == step)
            let middle = policy.delay(beforeRetry: retry, unit: 0.5)
            #expect(middle > step / 2 && middle < step)
        }
    }

    @Test func stopsAtMaxAttemptsOrBudget() {
        #expect(policy.allowsRetry(afterAttempts: 4, elapsed: 0, nextDelay: 0.5))
        #expect(!policy.allowsRetry(afterAttempts: 5, elapsed: 0, nextDelay: 0.5))
        #expect(!policy.allowsRetry(afterAttempts: 1, elapsed: 2.8, nextDelay: 0.5))
    }

    @Test func retryableStatuses() {
        #expect([500, 502, 503, 504, 429, 408].allSatisfy(RetryPolicy.isRetryable(status:)))
        #expect(![400, 401, 403, 404, 409].contains(where: RetryPolicy.isRetryable(status:)))
    }
}
