/// What `skillex pull` did.
public struct PullResult: Sendable, Codable, Equatable {
    /// `updated` or `up_to_date`.
    public var status: PullStatus
    /// The source.
    public var source: String
    /// The target folder.
    public var target: String
    /// The version the target held before (nil when empty).
    public var from: String?
    /// The version it holds now.
    public var to: String
    /// `full`, `delta` or `none`.
    public var route: String
    /// Every file fetched, in order, with its size.
    public var files: [FetchedFile]
    /// Total bytes fetched.
    public var bytesFetched: Int64
    /// Skills in the target now.
    public var skills: Int

    /// One fetched file.
    public struct FetchedFile: Sendable, Codable, Equatable {
        /// Path relative to the source.
        public var file: String
        /// Bytes fetched.
        public var bytes: Int64
    }

    private enum CodingKeys: String, CodingKey {
        case status, source, target, from, to, route, files, bytesFetched = "bytes_fetched", skills
    }
}
