/// One attempt to deliver a webhook, as a line of `.skillex/deliveries.jsonl`.
public struct DeliveryRecord: Sendable, Codable, Equatable {
    /// The delivery id (UUID), shared by every attempt and redelivery of one event.
    public var delivery: String
    /// 1 for the first attempt.
    public var attempt: Int
    /// The event name.
    public var event: String
    /// The webhook's label (URL, or `$VAR` when the URL is secret).
    public var webhook: String
    /// When the attempt started (ISO 8601, milliseconds).
    public var time: String
    /// `delivered`, `retrying` or `failed`.
    public var status: DeliveryStatus
    /// The receiver's HTTP status, when it answered.
    public var httpStatus: Int?
    /// Why the attempt failed.
    public var error: String?
    /// How long the attempt took.
    public var durationMs: Int
    /// True for an attempt made by `skillex webhooks redeliver`.
    public var redelivery: Bool?
    /// The event's payload, kept so the delivery can be sent again.
    public var payload: JSONValue

    enum CodingKeys: String, CodingKey {
        case delivery, attempt, event, webhook, time, status, error, redelivery, payload
        case httpStatus = "http_status", durationMs = "duration_ms"
    }
}

/// What one delivery ended as (the last attempt), for reports.
public struct DeliveryResult: Sendable, Codable, Equatable {
    /// The delivery id.
    public var delivery: String
    /// The webhook's label.
    public var webhook: String
    /// The event.
    public var event: String
    /// `delivered` or `failed`.
    public var status: DeliveryStatus
    /// Attempts made.
    public var attempts: Int
    /// The last HTTP status, if any.
    public var httpStatus: Int?
    /// The last error, if failed.
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case delivery, webhook, event, status, attempts, error
        case httpStatus = "http_status"
    }
}
