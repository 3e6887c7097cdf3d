public import Foundation

/// `skillex-pack.json`: what one pack version holds, stored inside the pack and beside it.
public struct PackIndex: Sendable, Codable, Equatable {
    /// Shape version of this file.
    public var format: Int
    /// The pack's version.
    public var version: String
    /// When the pack was made (the `--clock` / `SOURCE_DATE_EPOCH` time, else 1980-01-01).
    public var createdAt: String
    /// Every packed skill, in archive order.
    public var skills: [Skill]
    /// Number of skill files in the pack.
    public var files: Int
    /// Total bytes of the skill files before compression.
    public var bytes: Int64

    /// The pack index file's name inside a pack and in a pulled folder.
    public static let fileName = "skillex-pack.json"

    /// One skill of the pack.
    public struct Skill: Sendable, Codable, Equatable {
        /// Source repository (first path component).
        public var repo: String
        /// Skill folder name.
        public var skill: String
        /// SkillEx checksum of the skill's files.
        public var checksum: String
        /// Total bytes of its files.
        public var bytes: Int64
        /// Its files, in checksum order.
        public var files: [File]

        /// `repo/skill`, the skill's folder inside the pack.
        public var path: String { repo + "/" + skill }
    }

    /// One file of a skill.
    public struct File: Sendable, Codable, Equatable {
        /// Path inside the skill.
        public var path: String
        /// Size in bytes.
        public var size: Int64
        /// True when it is written with mode 0755.
        public var executable: Bool?
    }

    /// A pack index.
    public init(version: String, createdAt: String, skills: [Skill]) {
        format = 1
        self.version = version
        self.createdAt = createdAt
        self.skills = skills
        files = skills.reduce(0) { $0 + $1.files.count }
        bytes = skills.reduce(0) { $0 + $1.bytes }
    }

    private enum CodingKeys: String, CodingKey {
        case format, version, createdAt = "created_at", skills, files, bytes
    }

    /// The pack index in `data`: the one reader of `skillex-pack.json` and
    /// `skills-pack-<version>.json` (packaging, pull, publish and the site's release report all
    /// come here), through the parsed JSON tree (`JSONDecoder` when the tree reader cannot, so
    /// its errors stay the same); throws the decoding error, which `ErrorText.decoding` words.
    public static func decode(_ data: Data) throws -> PackIndex {
        if let split = splitDecode(data) { return split }
        return try JSONTreeDecoder.decode(PackIndex.self, from: data)
    }

    /// `decode`'s usual case on every core: the document without its skills
    /// (`JSONValueParser.skeleton`), then each skill parsed and decoded on its own. Nil when any
    /// part does not decode, for the whole decode (and its error) to answer.
    private static func splitDecode(_ data: Data) -> PackIndex? {
        guard let split = JSONValueParser.splitItems(data, key: "skills", { JSONTreeDecoder.value(Skill.self, tree: $0) }),
            var index = JSONTreeDecoder.value(PackIndex.self, tree: split.head)
        else { return nil }
        index.skills = split.items
        return index
    }

    /// Checksums by `repo/skill`.
    public var checksums: [String: String] {
        Dictionary(skills.map { ($0.path, $0.checksum) }, uniquingKeysWith: { first, _ in first })
    }
}
