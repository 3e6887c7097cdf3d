/// One entry of the manifest's `webhooks[]`.
///
/// ```json
/// { "url": "https://hooks.example.com/skillex", "events": ["published", "rejected"],
///   "secret_env": "SKILLEX_WEBHOOK_SECRET", "format": "skillex" }
/// ```
public struct WebhookSettings: Sendable, Equatable, Codable {
    /// The receiver's URL (not secret); or use `urlEnv`.
    public var url: String?
    /// A variable holding the URL, for receivers whose URL is itself a secret (Slack).
    public var urlEnv: String?
    /// Events to send (`published`, `rejected`, `approved`, `anomaly`, or `*`).
    public var events: [String]
    /// The variable holding the HMAC secret.
    public var secretEnv: String?
    /// `skillex` (JSON envelope) or `slack` (incoming-webhook text).
    public var format: String?
    /// Attempts in all (default 4).
    public var maxAttempts: Int?
    /// Total seconds retries may take (default 30).
    public var maxSeconds: Double?
    /// Seconds one attempt may take (default 10).
    public var timeoutSeconds: Double?

    /// A webhook for `url` and `events`.
    public init(url: String, events: [String], secretEnv: String? = nil, format: String? = nil) {
        self.url = url
        self.events = events
        self.secretEnv = secretEnv
        self.format = format
    }

    enum CodingKeys: String, CodingKey {
        case url, events, format
        case urlEnv = "url_env", secretEnv = "secret_env", maxAttempts = "max_attempts"
        case maxSeconds = "max_seconds", timeoutSeconds = "timeout_seconds"
    }

    /// How the URL appears in logs and reports: the URL, or `$VAR` when it came from one.
    public var label: String { urlEnv.map { "$\($0)" } ?? url ?? "(no url)" }

    /// True when this webhook wants `event`.
    public func wants(_ event: String) -> Bool {
        events.contains(event) || events.contains("*")
    }

    /// Reads `webhooks[]` from the manifest; empty when absent.
    public static func from(_ manifest: Manifest) throws(StorageError) -> [WebhookSettings] {
        do {
            let hooks = try manifest.extra.decode([WebhookSettings].self, key: "webhooks") ?? []
            for (index, hook) in hooks.enumerated() {
                if hook.url == nil && hook.urlEnv == nil {
                    throw StorageError.configuration("manifest.json: webhooks[\(index)]: needs url or url_env")
                }
                if let format = hook.format, !["skillex", "slack"].contains(format) {
                    throw StorageError.configuration(
                        "manifest.json: webhooks[\(index)].format '\(format)' must be 'skillex' or 'slack'")
                }
            }
            return hooks
        } catch let error as StorageError {
            throw error
        } catch {
            throw .configuration("manifest.json: webhooks: \(ErrorText.decoding(error))")
        }
    }
}
