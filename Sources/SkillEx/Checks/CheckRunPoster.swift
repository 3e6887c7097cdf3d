public import Foundation

/// Sends a `CheckRunPlan` to the GitHub Checks API: one POST, then a PATCH per extra batch of
/// annotations. Retries 5xx and network failures with doubling backoff; a 4xx is one clear error.
/// The token goes only into the Authorization header; it never appears in results or errors.
public struct CheckRunPoster: Sendable {
    /// `GITHUB_API_URL` (default `https://api.github.com`).
    public var apiURL: URL
    /// `owner/repo` (`GITHUB_REPOSITORY`).
    public var repository: String
    /// `GITHUB_TOKEN`.
    var token: String
    /// Attempts per request (1 + retries).
    public var attempts = 4
    /// Delay before the first retry, doubled each time.
    public var retryDelay: Double = 0.5
    /// The connection its requests use (retries are this type's own loop).
    private let transport = HTTPTransport(timeout: 30, policy: RetryPolicy(maxAttempts: 1, baseDelay: 0, maxDelay: 0, budget: 0))

    /// What was posted.
    public struct Outcome: Sendable, Equatable, Codable {
        /// The check run's id.
        public var id: Int
        /// Its page, when GitHub returned one.
        public var htmlURL: String?
        /// Update requests sent after the create.
        public var updates: Int

        private enum CodingKeys: String, CodingKey { case id, updates, htmlURL = "html_url" }
    }

    /// Reads the settings from `environment`; errors name the missing variable.
    public init(environment: [String: String]) throws(CheckPostError) {
        let base = environment["GITHUB_API_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://api.github.com"
        guard let url = URL(string: base), url.scheme == "http" || url.scheme == "https" else {
            throw .badSetting("GITHUB_API_URL is not an http(s) URL")
        }
        guard let repository = environment["GITHUB_REPOSITORY"], repository.split(separator: "/").count == 2 else {
            throw .badSetting("GITHUB_REPOSITORY must be set to owner/repo")
        }
        guard let token = environment["GITHUB_TOKEN"], !token.isEmpty else {
            throw .badSetting("GITHUB_TOKEN must be set to post check runs")
        }
        apiURL = url
        self.repository = repository
        self.token = token
    }

    /// Posts `plan`; returns the check run's id.
    public func post(_ plan: CheckRunPlan) async throws(CheckPostError) -> Outcome {
        let base = apiURL.absoluteString.hasSuffix("/") ? String(apiURL.absoluteString.dropLast()) : apiURL.absoluteString
        let created = try await send("POST", "\(base)/repos/\(repository)/check-runs", plan.create)
        guard (try? JSONNesting.check(created)) != nil,
            let object = try? JSONSerialization.jsonObject(with: created) as? [String: Any],
            let id = (object["id"] as? Int) ?? (object["id"] as? NSNumber)?.intValue
        else {
            throw .unexpected("POST /repos/\(repository)/check-runs: response has no check run id")
        }
        for update in plan.updates {
            _ = try await send("PATCH", "\(base)/repos/\(repository)/check-runs/\(id)", update)
        }
        return Outcome(id: id, htmlURL: object["html_url"] as? String, updates: plan.updates.count)
    }

    private func send(_ method: String, _ address: String, _ payload: CheckRunPayload) async throws(CheckPostError) -> Data {
        guard let url = URL(string: address) else { throw .badSetting("cannot form a URL from GITHUB_API_URL") }
        let path = url.path
        var request = HTTPRequest(url: url)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/vnd.github+json", forHTTPHeaderField: "Accept")
        request.setValue("2022-11-28", forHTTPHeaderField: "X-GitHub-Api-Version")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("skillex/\(SkillExVersion.current)", forHTTPHeaderField: "User-Agent")
        request.timeoutInterval = 30
        do { request.httpBody = try JSONEncoder().encode(payload) } catch {
            throw .unexpected("cannot encode the check run: \(ErrorText.brief(error))")
        }
        var delay = retryDelay
        var last = ""
        for attempt in 1...max(1, attempts) {
            if attempt > 1 {
                try? await Task.sleep(nanoseconds: UInt64(saturating: delay * 1_000_000_000))
                delay *= 2
            }
            let data: Data
            let status: Int
            switch await transport.attempt(request) {
            case .failed(_, let reason):
                last = "network error: \(scrub(reason))"
                continue
            case .answered(let response):
                (data, status) = (response.body, response.status)
            }
            if (200..<300).contains(status) { return data }
            if (500..<600).contains(status) {
                last = "HTTP \(status)"
                continue
            }
            throw .rejected(method: method, path: path, status: status, message: scrub(Self.message(data)))
        }
        throw .unavailable(method: method, path: path, attempts: max(1, attempts), last: last)
    }

    /// GitHub's `message` field, or the start of the body.
    static func message(_ data: Data) -> String {
        if (try? JSONNesting.check(data)) != nil,
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let message = object["message"] as? String
        {
            return ErrorText.oneLine(message)
        }
        return ErrorText.oneLine(String(decoding: data.prefix(200), as: UTF8.self))
    }

    /// `text` with the token replaced, should a server echo it.
    private func scrub(_ text: String) -> String {
        SecretRedactor([token]).redact(text)
    }
}

/// Why posting a check run failed; never contains the token.
public enum CheckPostError: DescribedError, Equatable {
    /// A missing or malformed environment variable.
    case badSetting(String)
    /// GitHub answered 4xx.
    case rejected(method: String, path: String, status: Int, message: String)
    /// 5xx or network failures on every attempt.
    case unavailable(method: String, path: String, attempts: Int, last: String)
    /// Anything else.
    case unexpected(String)

    /// One line.
    public var description: String {
        switch self {
        case .badSetting(let text): "checks: \(text)"
        case .rejected(let method, let path, let status, let message):
            "checks: \(method) \(path) was refused with HTTP \(status): \(message.isEmpty ? "no message" : message)"
        case .unavailable(let method, let path, let attempts, let last):
            "checks: \(method) \(path) failed after \(attempts) attempts (last: \(last))"
        case .unexpected(let text): "checks: \(text)"
        }
    }
}
