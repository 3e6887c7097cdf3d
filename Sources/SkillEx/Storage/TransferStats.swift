import Foundation

/// Thread-safe counters of requests and bytes a storage has moved (for reports and tests).
public final class TransferStats: @unchecked Sendable {
    private let lock = NSLock()
    private var counts = Snapshot()

    /// A copy of the counters at one moment.
    public struct Snapshot: Sendable, Equatable, Codable {
        /// Requests sent (every attempt counts).
        public var requests = 0
        /// Objects (or parts) uploaded.
        public var uploads = 0
        /// Objects downloaded.
        public var downloads = 0
        /// Body bytes sent.
        public var bytesSent: Int64 = 0
        /// Body bytes received.
        public var bytesReceived: Int64 = 0
        /// Attempts that were retried.
        public var retries = 0

        /// Zero counts.
        public init() {}

        enum CodingKeys: String, CodingKey {
            case requests, uploads, downloads, retries
            case bytesSent = "bytes_sent", bytesReceived = "bytes_received"
        }
    }

    /// Fresh counters.
    public init() {}

    /// The current counts.
    public var snapshot: Snapshot { lock.withLock { counts } }

    /// Applies `change` under the lock.
    public func record(_ change: (inout Snapshot) -> Void) {
        lock.withLock { change(&counts) }
    }
}
