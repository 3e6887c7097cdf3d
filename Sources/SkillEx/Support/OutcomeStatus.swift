/// The statuses reports carry, as enums: JSON keeps the same strings, and code compares cases
/// (a misspelt status no longer compiles).

/// A whole sync: `ok` when nothing failed, `error` otherwise (as v0.1 printed it).
public enum SyncStatus: String, Sendable, Codable, Equatable {
    case ok, error
}

/// What a sync did to one skill.
public enum SkillSyncStatus: String, Sendable, Codable, Equatable {
    case copied, skipped, failed, removed
    /// A dry run's `copied`.
    case wouldCopy = "would_copy"
}

/// A whole publish.
public enum PublishStatus: String, Sendable, Codable, Equatable {
    case ok, failed
}

/// One webhook delivery attempt (`retrying` only in the delivery log) or its end.
public enum DeliveryStatus: String, Sendable, Codable, Equatable {
    case delivered, retrying, failed
}

/// What `skillex pull` did.
public enum PullStatus: String, Sendable, Codable, Equatable {
    case updated
    case upToDate = "up_to_date"
}
