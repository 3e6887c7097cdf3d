import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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

/// URLSession with timeouts, and a retry loop with backoff and jitter.
final class HTTPTransport: Sendable {
    private let session: URLSession
    /// When and how often to retry.
    let policy: RetryPolicy

    /// A transport whose requests time out after `timeout` seconds without progress.
    init(timeout: Double, policy: RetryPolicy) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = max(timeout * 20, 600)
        configuration.httpMaximumConnectionsPerHost = 16
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
        self.policy = policy
    }

    deinit { session.finishTasksAndInvalidate() }

    /// Sends one request once.
    func attempt(_ request: URLRequest) async -> HTTPAttempt {
        await withCheckedContinuation { continuation in
            let task = session.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(returning: Self.classify(error))
                    return
                }
                guard let http = response as? HTTPURLResponse else {
                    continuation.resume(returning: .failed(retryable: true, reason: "no HTTP response"))
                    return
                }
                var headers: [String: String] = [:]
                for (name, value) in http.allHeaderFields {
                    if let name = name as? String, let value = value as? String {
                        headers[name.lowercased()] = value
                    }
                }
                continuation.resume(
                    returning: .answered(HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data())))
            }
            task.resume()
        }
    }

    /// Runs `makeRequest` (called afresh for every attempt, so signatures stay current) until
    /// an answer that is not retryable, or the policy gives up. `onRetry` sees each retry.
    func send(
        operation: String, makeRequest: () throws -> URLRequest, onAttempt: (Int) -> Void = { _ in }
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
            try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
        }
    }

    private func canRetry(_ attempts: Int, _ start: Date) -> Bool {
        let next = policy.delay(beforeRetry: attempts, unit: 1)
        return policy.allowsRetry(afterAttempts: attempts, elapsed: Date().timeIntervalSince(start), nextDelay: next)
    }

    /// Connection-level failures: resets, refusals and timeouts are retried; others are not.
    static func classify(_ error: any Error) -> HTTPAttempt {
        let nsError = error as NSError
        let retryableCodes: Set<Int> = [
            NSURLErrorTimedOut, NSURLErrorNetworkConnectionLost, NSURLErrorCannotConnectToHost,
            NSURLErrorNotConnectedToInternet, NSURLErrorDNSLookupFailed, NSURLErrorCannotFindHost,
            NSURLErrorBadServerResponse, NSURLErrorZeroByteResource, NSURLErrorResourceUnavailable,
        ]
        let retryable = nsError.domain == NSURLErrorDomain && retryableCodes.contains(nsError.code)
        return .failed(retryable: retryable, reason: ErrorText.oneLine(nsError.localizedDescription))
    }
}
