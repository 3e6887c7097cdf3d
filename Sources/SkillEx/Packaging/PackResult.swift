/// What `skillex package` wrote.
public struct PackResult: Sendable, Codable, Equatable {
    /// The version written.
    public var version: String
    /// The packager used.
    public var strategy: String
    /// The pack's timestamp.
    public var createdAt: String
    /// The full pack.
    public var pack: DistIndex.Artifact
    /// The pack index beside it.
    public var index: DistIndex.Artifact
    /// Skills packed.
    public var skills: Int
    /// Skill files packed.
    public var files: Int
    /// Bytes of skill files before compression.
    public var bytes: Int64
    /// The delta written, if any.
    public var delta: DeltaReport?
    /// The `dist/` folder.
    public var dist: String

    /// A delta pack and what it carries.
    public struct DeltaReport: Sendable, Codable, Equatable {
        /// The delta's file, size and digest, with the version it starts from.
        public var artifact: DistIndex.Delta
        /// Skills added.
        public var added: [String]
        /// Skills changed.
        public var changed: [String]
        /// Skills removed.
        public var removed: [String]
    }

    private enum CodingKeys: String, CodingKey {
        case version, strategy, createdAt = "created_at", pack, index, skills, files, bytes, delta, dist
    }
}
