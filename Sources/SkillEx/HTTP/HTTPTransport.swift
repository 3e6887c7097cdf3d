import Foundation

/// One HTTP answer: status, lowercased headers and body.
struct HTTPResponse: Sendable {
    /// Status code.
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    /// Body bytes.
    var body: Data
}

/// One HTTP attempt as the retry loop sees it.
enum HTTPAttempt: Sendable {
    /// The server answered.
    case answered(HTTPResponse)
    /// The connection failed before an answer (reset, refused, timeout…).
    case failed(retryable: Bool, reason: String)
}

/// HTTP with timeouts (libcurl, see `CurlSession`), and a retry loop with backoff and jitter.
final class HTTPTransport: Sendable {
    private let session = CurlSession()
    /// Seconds a connection may take, or an exchange may go without progress.
    let timeout: Double
    /// When and how often to retry.
    let policy: RetryPolicy

    /// A transport whose requests time out after `timeout` seconds without progress.
    init(timeout: Double, policy: RetryPolicy) {
        self.timeout = timeout
        self.policy = policy
    }

    /// Sends one request once (on a thread of its own: libcurl blocks).
    func attempt(_ request: HTTPRequest) async -> HTTPAttempt {
        let session = session
        let timeout = request.timeoutInterval ?? timeout
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: session.perform(request, timeout: timeout, total: max(timeout * 20, 600)))
            }
        }
    }

    /// Runs `makeRequest` (called afresh for every attempt, so signatures stay current) until
    /// an answer that is not retryable, or the policy gives up. `onRetry` sees each retry.
    func send(
        operation: String, makeRequest: () throws -> HTTPRequest, onAttempt: (Int) -> Void = { _ in }
    ) async throws -> HTTPResponse {
        let start = Date()
        var attempts = 0
        while true {
            let request = try makeRequest()
            attempts += 1
            onAttempt(attempts)
            let outcome = await attempt(request)
            let reason: String
            switch outcome {
            case .answered(let response):
                guard RetryPolicy.isRetryable(status: response.status) else { return response }
                reason = "HTTP \(response.status)"
                if !canRetry(attempts, start) { return response }
            case .failed(let retryable, let why):
                reason = why
                guard retryable else {
                    throw StorageError.unavailable(operation: operation, attempts: attempts, reason: why)
                }
                if !canRetry(attempts, start) {
                    throw StorageError.unavailable(operation: operation, attempts: attempts, reason: reason)
                }
            }
            let wait = policy.delay(beforeRetry: attempts, unit: Double.random(in: 0...1))
            try await Task.sleep(nanoseconds: UInt64(saturating: wait * 1_000_000_000))
        }
    }

    private func canRetry(_ attempts: Int, _ start: Date) -> Bool {
        let next = policy.delay(beforeRetry: attempts, unit: 1)
        return policy.allowsRetry(afterAttempts: attempts, elapsed: Date().timeIntervalSince(start), nextDelay: next)
    }
}
