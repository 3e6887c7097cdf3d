/// `dist/index.json` as packaging writes it (see docs/architecture.md); read-only here.
public struct PublishedIndex: Sendable, Codable, Equatable {
    /// A file the index names, with its size and checksum.
    public struct FileRef: Sendable, Codable, Equatable {
        /// Path relative to dist/.
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
        /// Path relative to dist/.
        public var file: String
        /// Size in bytes.
        public var size: Int64
        /// Lowercase hex SHA-256.
        public var sha256: String
    }

    /// One released version.
    public struct Version: Sendable, Codable, Equatable {
        /// Semantic version.
        public var version: String
        /// The full pack.
        public var pack: FileRef
        /// The pack's per-skill index JSON.
        public var index: FileRef?
        /// Number of skills in the pack.
        public var skills: Int?
        /// Deltas leading to this version.
        public var deltas: [Delta]?
    }

    /// Index format (1).
    public var format: Int
    /// The newest version.
    public var latest: String?
    /// Every version, newest first.
    public var versions: [Version]

    /// Every file the index names.
    public var files: [FileRef] {
        versions.flatMap { version -> [FileRef] in
            var refs = [version.pack]
            if let index = version.index { refs.append(index) }
            for delta in version.deltas ?? [] {
                refs.append(FileRef(file: delta.file, size: delta.size, sha256: delta.sha256))
            }
            return refs
        }
    }
}
