public import Foundation

/// Loads and saves `manifest.json`: v1 accepted as is, v2 written atomically with stable keys.
public enum ManifestStore {
    /// Reads and checks the manifest at `url`.
    public static func load(_ url: URL) throws(ManifestError) -> Manifest {
        let path = url.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .missing(path: path)
        }
        if isFolder.boolValue { throw .unreadable(path: path, reason: "is a directory") }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(path: path, reason: ErrorText.brief(error))
        }
        let (manifest, spans) = try decodeWithSpans(data, path: path)
        ManifestRewrite.remember(path: path, bytes: data, manifest: manifest, spans: spans)
        return manifest
    }

    /// Decodes and checks manifest bytes; `path` names the file in errors.
    public static func decode(_ data: Data, path: String) throws(ManifestError) -> Manifest {
        try decodeWithSpans(data, path: path).manifest
    }

    /// `decode`, with the byte range of each skill entry in `data` when the entries were read
    /// straight from the tree (one range per skill).
    static func decodeWithSpans(_ data: Data, path: String) throws(ManifestError) -> (manifest: Manifest, spans: [Range<Int>]?) {
        if let split = splitDecode(data) {
            try check(split.manifest, path: path)
            return split
        }
        // Any other shape (or damage): the whole document through the tree, else `JSONDecoder`,
        // whose errors name what is wrong.
        let manifest: Manifest
        do {
            let tree = try? JSONValueParser.parse(data)
            var info: [CodingUserInfoKey: any Sendable] = [:]
            if let key = OpenFields.treeKey, let tree { info[key] = tree }
            manifest = try JSONTreeDecoder.decode(Manifest.self, from: data, tree: tree, userInfo: info)
        } catch {
            throw .malformed(path: path, reason: ErrorText.decoding(error))
        }
        try check(manifest, path: path)
        return (manifest, nil)
    }

    /// The usual case, made on every core: the document is read without its skill entries
    /// (`JSONValueParser.skeleton`), then each entry is parsed and read on its own
    /// (`SkillEntry(tree:)`) and the rest decoded as usual. Nil when any part is not the plain
    /// shape.
    private static func splitDecode(_ data: Data) -> (manifest: Manifest, spans: [Range<Int>]?)? {
        guard let key = OpenFields.treeKey, let split = JSONValueParser.splitItems(data, key: "skills", SkillEntry.init(tree:)),
            var manifest = JSONTreeDecoder.value(Manifest.self, tree: split.head, userInfo: [key: split.head])
        else { return nil }
        manifest.skills = split.items
        return (manifest, split.spans)
    }

    /// Writes `manifest` as version 2: 2-space indent, sorted keys, temp file + rename.
    public static func save(_ manifest: Manifest, to url: URL) throws(ManifestError) {
        var upgraded = manifest
        upgraded.version = Manifest.currentVersion
        // A score or build that changed nothing leaves SkillEx's own file as it is.
        if ManifestRewrite.isUnchanged(upgraded, path: url.path) { return }
        do {
            let bytes = try ManifestRewrite.patched(upgraded, path: url.path)
                ?? encode(upgraded, reusing: ManifestRewrite.writtenEntries(path: url.path))
            ManifestRewrite.forget(path: url.path)
            try AtomicFile.write(bytes, to: url)
            ManifestRewrite.noteWritten(path: url.path)
        } catch {
            throw .unwritable(path: url.path, reason: ErrorText.reason(error, at: url.path))
        }
    }

    /// The bytes `save` writes.
    public static func encode(_ manifest: Manifest) throws -> Data {
        try encode(manifest, reusing: nil)
    }

    /// `encode`, copying each skill entry equal to the one at the same place in `written` (the
    /// file as SkillEx wrote it) from that file's bytes instead of encoding it again: a build
    /// that changed one skill re-encodes one entry.
    static func encode(_ manifest: Manifest, reusing written: WrittenEntries<SkillEntry>?) throws -> Data {
        // Encode the modelled fields, then graft the kept fields (already JSON trees) back in:
        // the same bytes as encoding everything, without re-encoding large score histories.
        var core = manifest
        core.extra = OpenFields()
        core.skills = []
        for index in core.repositories.indices { core.repositories[index].extra = OpenFields() }
        guard case .object(var top) = try JSONTreeEncoder.tree(core) else { return try JSONWriter.data(manifest) }
        top.merge(manifest.extra.values) { modelled, _ in modelled }
        top["repositories"] = graft(top["repositories"], manifest.repositories.map(\.extra))
        // The skills (with their score histories) are most of the file: each is encoded alone,
        // as within the array, on every core.
        let skills = manifest.skills
        let data = JSONChunkedObject.data(fields: top, key: "skills", count: skills.count) { index, out in
            let entry = skills[index]
            if let written, written.copy(index, equalTo: entry, into: &out) { return true }
            var plain = entry
            plain.extra = OpenFields()
            guard case .object(var fields)? = try? JSONTreeEncoder.tree(plain) else { return false }
            fields.merge(entry.extra.values) { modelled, _ in modelled }
            JSONWriter.write(.object(fields), indent: 4, into: &out)
            return true
        }
        // An entry the tree encoder refused: let the encoder throw its usual error.
        return try data ?? JSONWriter.data(manifest)
    }

    /// `items` with each one's kept fields added back (modelled fields win on a clash).
    private static func graft(_ items: JSONValue?, _ extras: [OpenFields]) -> JSONValue? {
        guard case .array(let list)? = items, list.count == extras.count else { return items }
        return .array(zip(list, extras).map { item, extra in
            guard case .object(var fields) = item else { return item }
            fields.merge(extra.values) { modelled, _ in modelled }
            return .object(fields)
        })
    }

    private static func check(_ manifest: Manifest, path: String) throws(ManifestError) {
        guard manifest.version == 1 || manifest.version == 2 else {
            throw .invalidField(
                path: path, field: "version",
                reason: "unsupported version \(manifest.version) (this SkillEx reads 1 and 2)")
        }
        var seen = Set<String>()
        for (index, repo) in manifest.repositories.enumerated() {
            let field = "repositories[\(index)].name"
            if let problem = PathSafety.problem(withFolderName: repo.name) {
                throw .invalidField(path: path, field: field, reason: "\"\(repo.name)\" \(problem)")
            }
            guard seen.insert(repo.name).inserted else {
                throw .invalidField(path: path, field: field, reason: "duplicate repository \"\(repo.name)\"")
            }
            if repo.path.isEmpty {
                throw .invalidField(path: path, field: "repositories[\(index)].path", reason: "is empty")
            }
            if let dir = repo.skillsDir, dir.split(separator: "/").contains("..") {
                throw .invalidField(
                    path: path, field: "repositories[\(index)].skills_dir",
                    reason: "must not contain '..'")
            }
            if let timeout = repo.validatorTimeout, !(timeout > 0 && timeout.isFinite) {
                throw .invalidField(
                    path: path, field: "repositories[\(index)].validator_timeout",
                    reason: "\(timeout) is not a positive number of seconds")
            }
            if let argv = repo.validator, argv.isEmpty {
                throw .invalidField(
                    path: path, field: "repositories[\(index)].validator",
                    reason: "must name a program (an argv array)")
            }
        }
    }
}
