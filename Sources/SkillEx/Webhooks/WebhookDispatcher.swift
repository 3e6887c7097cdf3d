public import Foundation

/// Sends signed webhook deliveries with bounded retries and records every attempt.
///
/// A delivery never throws: failures come back as `DeliveryResult`s with status `failed`, so a
/// webhook can never fail the stage that raised the event.
public struct WebhookDispatcher: Sendable {
    /// The configured webhooks.
    public let webhooks: [WebhookSettings]
    /// Environment (secrets) and clock.
    public let workspace: Workspace
    /// Where attempts are recorded.
    public let log: DeliveryLog

    /// A dispatcher for `webhooks` in `workspace`.
    public init(webhooks: [WebhookSettings], workspace: Workspace) {
        self.webhooks = webhooks
        self.workspace = workspace
        log = DeliveryLog(workspace: workspace)
    }

    /// Sends `event` with `payload` to every webhook subscribed to it; one result per webhook.
    public func deliver(event: String, payload: JSONValue) async -> [DeliveryResult] {
        var results: [DeliveryResult] = []
        for hook in webhooks where hook.wants(event) {
            results.append(await send(hook, event: event, payload: payload, delivery: UUID().uuidString.lowercased()))
        }
        return results
    }

    /// Sends the delivery `id` recorded in the log again, to the same webhook.
    public func redeliver(id: String) async throws(StorageError) -> DeliveryResult {
        guard let first = log.attempts(of: id).first else {
            throw .configuration("\(log.url.path): no delivery with id \(id)")
        }
        guard let hook = webhooks.first(where: { $0.label == first.webhook }) else {
            throw .configuration("delivery \(id) went to \(first.webhook), which is no longer in manifest.json webhooks")
        }
        return await send(hook, event: first.event, payload: first.payload, delivery: id, redelivery: true)
    }

    /// The request body for `hook`'s format.
    public static func body(format: String?, event: String, delivery: String, payload: JSONValue) -> Data {
        let value: JSONValue
        if format == "slack" {
            var summary = "SkillEx: \(event)"
            if case .object(let fields) = payload, case .string(let text)? = fields["summary"] {
                summary += " — \(text)"
            }
            value = .object(["text": .string(summary)])
        } else {
            value = .object(["event": .string(event), "delivery": .string(delivery), "payload": payload])
        }
        return Data(((try? JSONWriter.line(value)) ?? "{}").utf8)
    }

    /// Sends one delivery with retries; records each attempt.
    public func send(
        _ hook: WebhookSettings, event: String, payload: JSONValue, delivery: String, redelivery: Bool = false
    ) async -> DeliveryResult {
        let policy = RetryPolicy(
            maxAttempts: hook.maxAttempts ?? 4, baseDelay: 0.5, maxDelay: 8, budget: hook.maxSeconds ?? 30)
        let transport = HTTPTransport(timeout: hook.timeoutSeconds ?? 10, policy: policy)
        var result = DeliveryResult(
            delivery: delivery, webhook: hook.label, event: event, status: .failed, attempts: 0)
        let started = Date()
        let body = Self.body(format: hook.format, event: event, delivery: delivery, payload: payload)
        while true {
            result.attempts += 1
            let attemptStart = Date()
            let time = Timestamp.millisecondString(workspace.clock.now())
            var outcome: (status: DeliveryStatus, http: Int?, error: String?, retryable: Bool)
            switch makeRequest(hook, event: event, delivery: delivery, body: body) {
            case .failure(let error):
                outcome = (.failed, nil, error.description, false)
            case .success(let request):
                switch await transport.attempt(request) {
                case .answered(let response) where (200..<300).contains(response.status):
                    outcome = (.delivered, response.status, nil, false)
                case .answered(let response):
                    outcome = (.failed, response.status, "HTTP \(response.status)",
                               RetryPolicy.isRetryable(status: response.status))
                case .failed(let retryable, let reason):
                    outcome = (.failed, nil, reason, retryable)
                }
            }
            let wait = policy.delay(beforeRetry: result.attempts, unit: Double.random(in: 0...1))
            let retry = outcome.retryable
                && policy.allowsRetry(
                    afterAttempts: result.attempts, elapsed: Date().timeIntervalSince(started), nextDelay: wait)
            if retry { outcome.status = .retrying }
            result.status = outcome.status == .delivered ? .delivered : .failed
            result.httpStatus = outcome.http
            result.error = outcome.error
            let record = DeliveryRecord(
                delivery: delivery, attempt: result.attempts, event: event, webhook: hook.label, time: time,
                status: outcome.status, httpStatus: outcome.http, error: outcome.error,
                durationMs: Int(saturating: Date().timeIntervalSince(attemptStart) * 1000),
                redelivery: redelivery ? true : nil, payload: payload)
            try? log.append(record)
            guard retry else { return result }
            try? await Task.sleep(nanoseconds: UInt64(saturating: wait * 1_000_000_000))
        }
    }

    /// The signed POST for one attempt (fresh timestamp each time).
    func makeRequest(
        _ hook: WebhookSettings, event: String, delivery: String, body: Data
    ) -> Result<HTTPRequest, StorageError> {
        let urlText = hook.urlEnv.flatMap { workspace.environment[$0] } ?? hook.url
        guard let urlText, let url = URL(string: urlText), let scheme = url.scheme,
            ["http", "https"].contains(scheme)
        else {
            if let name = hook.urlEnv { return .failure(.configuration("\(name) does not hold an http(s) URL")) }
            return .failure(.configuration("webhook URL '\(hook.label)' is not an http(s) URL"))
        }
        var request = HTTPRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        let timestamp = String(Int(saturating: workspace.clock.now().timeIntervalSince1970))
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("SkillEx/\(SkillExVersion.current)", forHTTPHeaderField: "User-Agent")
        request.setValue(event, forHTTPHeaderField: "X-SkillEx-Event")
        request.setValue(delivery, forHTTPHeaderField: "X-SkillEx-Delivery")
        request.setValue(timestamp, forHTTPHeaderField: "X-SkillEx-Timestamp")
        if let name = hook.secretEnv {
            guard let secret = workspace.environment[name], !secret.isEmpty else {
                return .failure(.configuration("\(name) (the webhook secret) is not set; not sending unsigned"))
            }
            request.setValue(
                WebhookSignature.header(secret: secret, timestamp: timestamp, body: body),
                forHTTPHeaderField: "X-SkillEx-Signature")
        }
        return .success(request)
    }
}
