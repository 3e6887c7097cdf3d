import Foundation

extension PackIndex {
    /// Reads a pack index straight from its parsed JSON object, as `init(from:)` would (unknown
    /// keys ignored); nil when a field is missing or has another type, and the caller decodes
    /// the usual way (which then reports the problem). A build reads the latest index on every
    /// run, and the generic decoder cost more than parsing the file.
    init?(tree: JSONValue) {
        guard case .object(let fields) = tree,
            case .int(let format)? = fields["format"], let exactFormat = Int(exactly: format),
            case .string(let version)? = fields["version"], case .string(let createdAt)? = fields["created_at"],
            case .array(let items)? = fields["skills"],
            case .int(let files)? = fields["files"], let exactFiles = Int(exactly: files),
            case .int(let bytes)? = fields["bytes"]
        else { return nil }
        var skills: [Skill] = []
        skills.reserveCapacity(items.count)
        for item in items {
            guard let skill = Skill(tree: item) else { return nil }
            skills.append(skill)
        }
        self.init(version: version, createdAt: createdAt, skills: skills)
        (self.format, self.files, self.bytes) = (exactFormat, exactFiles, bytes)
    }
}

extension PackIndex.Skill {
    /// One skill read from its parsed JSON object; nil as for `PackIndex.init(tree:)`.
    init?(tree: JSONValue) {
        guard case .object(let fields) = tree,
            case .string(let repo)? = fields["repo"], case .string(let skill)? = fields["skill"],
            case .string(let checksum)? = fields["checksum"], case .int(let bytes)? = fields["bytes"],
            case .array(let items)? = fields["files"]
        else { return nil }
        var files: [PackIndex.File] = []
        files.reserveCapacity(items.count)
        for item in items {
            guard let file = PackIndex.File(tree: item) else { return nil }
            files.append(file)
        }
        self.init(repo: repo, skill: skill, checksum: checksum, bytes: bytes, files: files)
    }
}

extension PackIndex.File {
    /// One file read from its parsed JSON object (`executable` absent or null is nil); nil as
    /// for `PackIndex.init(tree:)`.
    init?(tree: JSONValue) {
        guard case .object(let fields) = tree, case .string(let path)? = fields["path"],
            case .int(let size)? = fields["size"]
        else { return nil }
        switch fields["executable"] {
        case nil, .null?: self.init(path: path, size: size, executable: nil)
        case .bool(let flag)?: self.init(path: path, size: size, executable: flag)
        default: return nil
        }
    }
}
