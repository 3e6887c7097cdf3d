import Foundation

/// Remembers each skill's file fingerprint (paths, sizes, mtimes, inodes) and checksum, so an
/// unchanged skill is recognised from `lstat` alone, without reading its bytes.
struct SyncCache: Codable {
    struct Entry: Codable, Equatable {
        /// Fingerprint of the source folder in the repository.
        var fingerprint: String
        var checksum: String
        /// Fingerprint of the copy sync installed in `skills/` (`targetFingerprint`), so later
        /// stages can trust `checksum` for that copy while its files' `lstat` is unchanged.
        var target: String? = nil
        /// The source folder as the walk found it (`SyncListing`), when it can be trusted later.
        var listing: [String]? = nil
        /// The installed copy as sync listed it (`SyncListing.copyLines`, one string: its lines
        /// are split only by a stage that lists the copy): later stages stat its folders and
        /// files instead of reading the folders, and check `target` on what they find.
        var copy: String? = nil

        init(
            fingerprint: String, checksum: String, target: String? = nil, listing: [String]? = nil,
            copy: String? = nil
        ) {
            self.fingerprint = fingerprint
            self.checksum = checksum
            self.target = target
            self.listing = listing
            self.copy = copy
        }

        /// The entry in a parsed cache file; nil when it is not the plain shape.
        init?(tree: JSONValue) {
            guard case .object(let fields) = tree, case .string(let fingerprint)? = fields["fingerprint"],
                case .string(let checksum)? = fields["checksum"]
            else { return nil }
            switch fields["target"] {
            case .string(let text)?: target = text
            case nil, .null?: target = nil
            default: return nil
            }
            switch fields["listing"] {
            case .array(let items)?:
                var lines: [String] = []
                lines.reserveCapacity(items.count)
                for item in items {
                    guard case .string(let line) = item else { return nil }
                    lines.append(line)
                }
                listing = lines
            case nil, .null?: listing = nil
            default: return nil
            }
            switch fields["copy"] {
            case .string(let text)?: copy = text
            case nil, .null?: copy = nil
            default: return nil
            }
            self.fingerprint = fingerprint
            self.checksum = checksum
        }

        /// The installed copy's files in `folder`, listed from `copy` (one `lstat` per folder and
        /// file, no folder read), when every folder still has the identity sync listed and the
        /// files still have `target`'s fingerprint; nil otherwise (the caller walks the folder).
        /// A file added, removed or renamed since sync changes its folder's mtime, so the listing
        /// then fails.
        func installedFiles(in folder: URL) -> [SkillFile]? {
            guard let target, let copy,
                let files = SyncListing.files(
                    copy.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), in: folder,
                    limits: nil, changeTimes: false),
                SyncCache.targetFingerprint(files) == target
            else { return nil }
            return files
        }
    }

    var skills: [String: Entry] = [:]

    /// Where sync keeps the cache in a workspace.
    static func url(_ workspace: Workspace) -> URL {
        workspace.stateURL.appendingPathComponent("sync-cache.json")
    }

    /// Starts reading the cache on another core (`FilePrefetch`), for a command that loads it
    /// after the manifest (`skillex score`, a build); `load` takes it while the file is unchanged.
    static func prefetch(_ workspace: Workspace) {
        FilePrefetch.start(url(workspace), decode)
    }

    static func key(repo: String, skill: String) -> String { repo + "/" + skill }

    /// A digest of everything `lstat` says about `files` that changes when content changes.
    static func fingerprint(source: URL, files: [SkillFile]) -> String {
        var hasher = SHA256Hasher()
        hasher.update(source.path + "\n")
        // `<path>\0<size>\0<mtime>\0<inode>\n` per file, written as bytes (no string per number).
        var line: [UInt8] = []
        for file in files {
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: file.relativePath.utf8)
            line.append(0)
            DecimalBytes.append(file.size, to: &line)
            line.append(0)
            DecimalBytes.append(file.modifiedNanoseconds, to: &line)
            line.append(0)
            DecimalBytes.append(file.inode, to: &line)
            line.append(0x0A)
            line.withUnsafeBytes { hasher.update($0) }
        }
        return Digest.hex(hasher.finalize())
    }

    /// The fingerprint of an installed copy: relative paths, sizes, mtimes and inodes (not the
    /// folder's own path, so the staged copy and the installed one agree after the rename).
    static func targetFingerprint(_ files: [SkillFile]) -> String {
        var hasher = SHA256Hasher()
        hasher.update("target\n")
        for file in files {
            hasher.update(file.relativePath)
            var fields = (UInt8(0), file.size.littleEndian, file.modifiedNanoseconds.littleEndian, file.inode.littleEndian)
            withUnsafeBytes(of: &fields.0) { hasher.update($0) }
            withUnsafeBytes(of: &fields.1) { hasher.update($0) }
            withUnsafeBytes(of: &fields.2) { hasher.update($0) }
            withUnsafeBytes(of: &fields.3) { hasher.update($0) }
        }
        return Digest.hex(hasher.finalize())
    }

    /// The cache in the file at `url` (empty when there is none or it cannot be read), decoded
    /// once per process while the file keeps its bytes: sync, scoring and packaging all read it.
    static func load(_ url: URL) -> SyncCache {
        if let known = FilePrefetch.take(url, as: SyncCache.self, keep: true) { return known }
        guard let data = try? Data(contentsOf: url) else { return SyncCache() }
        let cache = decode(data)
        FilePrefetch.remember(url, bytes: data, value: cache)
        return cache
    }

    /// The cache as the JSON tree its `Encodable` form gives (`target` left out when nil), made
    /// by hand: encoding 10,000 entries through the generic encoder cost more than writing them.
    var tree: JSONValue {
        var entries: [String: JSONValue] = [:]
        entries.reserveCapacity(skills.count)
        for (key, entry) in skills {
            var fields: [String: JSONValue] = ["fingerprint": .string(entry.fingerprint), "checksum": .string(entry.checksum)]
            if let target = entry.target { fields["target"] = .string(target) }
            if let listing = entry.listing { fields["listing"] = .array(listing.map { .string($0) }) }
            if let copy = entry.copy { fields["copy"] = .string(copy) }
            entries[key] = .object(fields)
        }
        return .object(["skills": .object(entries)])
    }

    /// The cache in `data`.
    private static func decode(_ data: Data) -> SyncCache {
        // Read the plain shape straight from the parsed tree; anything else goes to the decoder.
        if case .object(let top)? = try? JSONValueParser.parse(data), case .object(let entries)? = top["skills"] {
            var cache = SyncCache()
            cache.skills.reserveCapacity(entries.count)
            for (key, value) in entries {
                guard let entry = Entry(tree: value) else { break }
                cache.skills[key] = entry
            }
            if cache.skills.count == entries.count { return cache }
        }
        guard let cache = try? JSONDecoder().decodeChecked(SyncCache.self, from: data) else { return SyncCache() }
        return cache
    }

    func save(_ url: URL) throws {
        let data = bytes
        try AtomicFile.write(data, to: url, durable: false)
        FilePrefetch.remember(url, bytes: data, value: self)
    }

    /// `JSONWriter.data(tree: tree)`, written straight from the entries (keys sorted, fields in
    /// their sorted order `checksum`, `copy`, `fingerprint`, `listing`, `target`): building the tree of a
    /// thousand entries and sorting every object's keys again took most of a save.
    var bytes: Data {
        var out: [UInt8] = []
        out.reserveCapacity(skills.count * 480 + 64)
        out += "{\n  \"skills\": ".utf8
        if skills.isEmpty {
            out += "{}".utf8
        } else {
            out += "{\n".utf8
            let keys = skills.keys.sorted(by: UTF8Order.precedes)
            for (index, key) in keys.enumerated() {
                guard let entry = skills[key] else { continue }
                JSONWriter.pad(4, &out)
                JSONWriter.quote(key, into: &out)
                out += ": {\n      \"checksum\": ".utf8
                JSONWriter.quote(entry.checksum, into: &out)
                if let copy = entry.copy {
                    out += ",\n      \"copy\": ".utf8
                    JSONWriter.quote(copy, into: &out)
                }
                out += ",\n      \"fingerprint\": ".utf8
                JSONWriter.quote(entry.fingerprint, into: &out)
                if let listing = entry.listing { Self.write(lines: listing, named: "listing", into: &out) }
                if let target = entry.target {
                    out += ",\n      \"target\": ".utf8
                    JSONWriter.quote(target, into: &out)
                }
                out += "\n    }".utf8
                out += (index == keys.count - 1 ? "\n" : ",\n").utf8
            }
            out += "  }".utf8
        }
        out += "\n}\n".utf8
        return Data(out)
    }

    /// `,\n      "<name>": [ ...lines ]`, as `JSONWriter` pretty-prints an array of strings.
    private static func write(lines: [String], named name: String, into out: inout [UInt8]) {
        out += ",\n      \"".utf8
        out += name.utf8
        out += "\": ".utf8
        guard !lines.isEmpty else {
            out += "[]".utf8
            return
        }
        out += "[\n".utf8
        for (index, text) in lines.enumerated() {
            JSONWriter.pad(8, &out)
            JSONWriter.quote(text, into: &out)
            out += (index == lines.count - 1 ? "\n" : ",\n").utf8
        }
        JSONWriter.pad(6, &out)
        out.append(UInt8(ascii: "]"))
    }
}
