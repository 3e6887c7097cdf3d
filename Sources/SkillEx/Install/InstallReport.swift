/// What `skillex install` or `skillex update` did (`schemas/install-report.schema.json`).
public struct InstallReport: Codable, Sendable, Equatable {
    /// One skill handled.
    public struct Item: Codable, Sendable, Equatable {
        public var name: String
        /// `installed`, `updated`, `unchanged`, or `missing` (locked, but no longer in the index).
        public var action: String
        public var digest: String
    }

    /// `ok`.
    public var status = "ok"
    /// The command: `install` or `update`.
    public var command: String
    /// The agents written to.
    public var agents: [String]
    /// `project` or `user`.
    public var scope: String
    /// The lockfile written.
    public var lockfile: String
    /// Skills in name order.
    public var skills: [Item] = []
    /// HTTP requests or file reads made (index and artifacts).
    public var requests = 0
    /// Bytes fetched.
    public var bytesFetched = 0
}

/// What `skillex install --frozen` found (`schemas/install-report.schema.json`, `frozen`).
public struct FrozenReport: Codable, Sendable, Equatable {
    /// One locked skill whose installed tree is not what the lock says.
    public struct Drift: Codable, Sendable, Equatable {
        public var name: String
        public var agent: String
        /// `missing` or `modified`.
        public var problem: String
        public var path: String
    }

    /// `ok`, or `drift` when anything differs.
    public var status: String
    public var lockfile: String
    /// Locked skills checked (per agent).
    public var checked: Int
    public var drift: [Drift]
}
