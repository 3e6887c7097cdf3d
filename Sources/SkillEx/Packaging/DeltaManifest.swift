/// `delta.json` inside a delta pack: what changed between two versions and the checksum every
/// skill must have once the delta is applied.
public struct DeltaManifest: Sendable, Codable, Equatable {
    /// Shape version of this file.
    public var format: Int
    /// The version the delta applies to.
    public var from: String
    /// The version it produces.
    public var to: String
    /// Skills carried because they are new.
    public var added: [String]
    /// Skills carried because their checksum changed.
    public var changed: [String]
    /// Skills to delete (`repo/skill`).
    public var removed: [String]
    /// Every skill of `to` with its checksum (`repo/skill` → checksum).
    public var checksums: [String: String]
    /// The `created_at` of the `to` pack, so a consumer can rebuild its pack index.
    public var createdAt: String?

    /// The file name inside a delta pack.
    public static let fileName = "delta.json"

    /// A delta description.
    public init(
        from: String, to: String, added: [String], changed: [String], removed: [String],
        checksums: [String: String], createdAt: String? = nil
    ) {
        format = 1
        self.from = from
        self.to = to
        self.added = added
        self.changed = changed
        self.removed = removed
        self.checksums = checksums
        self.createdAt = createdAt
    }

    private enum CodingKeys: String, CodingKey {
        case format, from, to, added, changed, removed, checksums, createdAt = "created_at"
    }

    /// Skills whose files the delta carries.
    public var carried: [String] { added + changed }
}
