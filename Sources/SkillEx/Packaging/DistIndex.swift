public import Foundation

/// `dist/index.json`: every pack version with its files, sizes and SHA-256, so a consumer can
/// plan the cheapest way from the version it holds to the latest.
public struct DistIndex: Sendable, Codable, Equatable {
    /// Shape version of this file.
    public var format: Int
    /// The highest version.
    public var latest: String?
    /// Versions, oldest first.
    public var versions: [Version]

    /// The file name in `dist/`.
    public static let fileName = "index.json"

    /// An empty history.
    public init() {
        format = 1
        versions = []
    }

    /// One published version.
    public struct Version: Sendable, Codable, Equatable {
        /// The version label.
        public var version: String
        /// When it was packed.
        public var createdAt: String
        /// The full pack.
        public var pack: Artifact
        /// The pack index beside it (`skills-pack-<version>.json`).
        public var index: Artifact
        /// Number of skills.
        public var skills: Int
        /// Deltas that lead to this version.
        public var deltas: [Delta]

        private enum CodingKeys: String, CodingKey {
            case version, createdAt = "created_at", pack, index, skills, deltas
        }
    }

    /// A file in `dist/` with its size and digest.
    public struct Artifact: Sendable, Codable, Equatable {
        /// Path relative to `dist/`.
        public var file: String
        /// Size in bytes.
        public var size: Int64
        /// Lowercase hex SHA-256.
        public var sha256: String
    }

    /// A delta from an earlier version.
    public struct Delta: Sendable, Codable, Equatable {
        /// The version it applies to.
        public var from: String
        /// Path relative to `dist/`.
        public var file: String
        /// Size in bytes.
        public var size: Int64
        /// Lowercase hex SHA-256.
        public var sha256: String
    }

    /// The entry for `version`, if any.
    public func entry(_ version: String) -> Version? {
        versions.first { $0.version == version }
    }

    /// Reads `url`; an absent file is an empty history.
    public static func load(_ url: URL) throws -> DistIndex {
        guard FileManager.default.fileExists(atPath: url.path) else { return DistIndex() }
        return try decode(try Data(contentsOf: url), label: url.path)
    }

    /// Decodes index bytes; `label` names the file in errors.
    public static func decode(_ data: Data, label: String) throws -> DistIndex {
        do { return try JSONDecoder().decodeChecked(DistIndex.self, from: data) } catch {
            throw PackagingError.badFile(path: label, reason: ErrorText.decoding(error))
        }
    }

    /// Inserts or replaces `version`, keeps versions in ascending order and updates `latest`.
    public mutating func upsert(_ version: Version) {
        versions.removeAll { $0.version == version.version }
        versions.append(version)
        versions.sort { PackVersion.precedes($0.version, $1.version) }
        latest = versions.last?.version
    }
}
