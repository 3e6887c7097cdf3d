import Foundation
import SkillEx

/// What the last build wrote for each listed skill, so an unchanged skill's artifact is neither
/// read nor rebuilt: kept in `.skillex/site-discovery-<folder hash>.json`, one per output folder.
/// A record is used only when the skill's key is the same and the artifact on disk still has the
/// size and modification time it was written with; anything else rebuilds the artifact.
struct DiscoveryCache: Codable {
    /// One skill's artifact as last written.
    struct Record: Codable, Equatable, Sendable {
        /// The skill's fingerprint, repository and execute bits (see `DiscoveryCache.key`).
        var key: String
        var type: String
        var relativePath: String
        var digest: String
        var size: Int64
        var modified: Int64
    }

    /// `index.json` as last written: what it lists (`indexKey`) and its size and modification
    /// time, so a build that lists the same would not re-encode it.
    struct IndexStamp: Codable, Equatable, Sendable {
        var key: String
        var size: Int64
        var modified: Int64
    }

    var records: [String: Record] = [:]
    /// Absent in caches written before it existed: the index is then encoded once more.
    var index: IndexStamp?

    /// What `index.json` lists: the schema, then every entry's fields in order.
    static func indexKey(schema: String, entries: [DiscoveryEntry]) -> String {
        var hasher = SHA256Hasher()
        hasher.update(schema + "\u{0}")
        for entry in entries {
            hasher.update("\(entry.name)\u{0}\(entry.type)\u{0}\(entry.description)\u{0}\(entry.url)\u{0}\(entry.digest)\n")
        }
        return Digest.hex(hasher.finalize())
    }

    /// True when `index.json` at `url` is the one last written for `key`.
    func indexHolds(_ key: String, at url: URL) -> Bool {
        guard let index, index.key == key, let stamp = Self.stamp(url) else { return false }
        return stamp.size == index.size && stamp.modified == index.modified
    }

    /// The bytes `JSONWriter.data(self)` gives, from a tree built here: the `Encodable` path
    /// cost more than the rest of a rebuild's discovery work, for a thousand records.
    func data() -> Data {
        var records: [String: JSONValue] = [:]
        records.reserveCapacity(self.records.count)
        for (name, record) in self.records {
            records[name] = .object([
                "key": .string(record.key), "type": .string(record.type), "relativePath": .string(record.relativePath),
                "digest": .string(record.digest), "size": .int(record.size), "modified": .int(record.modified),
            ])
        }
        var top: [String: JSONValue] = ["records": .object(records)]
        if let index {
            top["index"] = .object(["key": .string(index.key), "size": .int(index.size), "modified": .int(index.modified)])
        }
        return JSONWriter.data(tree: .object(top), capacity: self.records.count * 320 + 256)
    }

    /// The cache file for output folder `site`.
    static func url(state: URL, site: URL) -> URL {
        state.appendingPathComponent("site-discovery-\(Digest.sha256Hex(Data(site.standardizedFileURL.path.utf8)).prefix(12)).json")
    }

    /// The cache at `url`; a missing or unreadable file gives an empty one.
    static func load(_ url: URL) -> DiscoveryCache {
        guard let data = try? Data(contentsOf: url) else { return DiscoveryCache() }
        if let tree = try? JSONTreeDecoder.tree(data), let plain = plain(tree) { return plain }
        return (try? JSONTreeDecoder.decode(DiscoveryCache.self, from: data)) ?? DiscoveryCache()
    }

    /// The cache read straight from its parsed JSON when every field has the type written (as
    /// `JSONWriter` writes it); nil otherwise, for the `Decodable` path (a no-change build reads
    /// one record per listed skill, and the generic decoder cost more than the rest of the stage).
    private static func plain(_ tree: JSONValue) -> DiscoveryCache? {
        guard case .object(let top) = tree, case .object(let items)? = top["records"] else { return nil }
        func text(_ fields: [String: JSONValue], _ key: String) -> String? {
            if case .string(let value)? = fields[key] { return value }
            return nil
        }
        func integer(_ fields: [String: JSONValue], _ key: String) -> Int64? {
            if case .int(let value)? = fields[key] { return value }
            return nil
        }
        var cache = DiscoveryCache()
        cache.records.reserveCapacity(items.count)
        for (name, item) in items {
            guard case .object(let fields) = item, let key = text(fields, "key"), let type = text(fields, "type"),
                let relativePath = text(fields, "relativePath"), let digest = text(fields, "digest"),
                let size = integer(fields, "size"), let modified = integer(fields, "modified")
            else { return nil }
            cache.records[name] = Record(
                key: key, type: type, relativePath: relativePath, digest: digest, size: size, modified: modified)
        }
        switch top["index"] {
        case nil, .null?: break
        case .object(let fields)?:
            guard let key = text(fields, "key"), let size = integer(fields, "size"), let modified = integer(fields, "modified")
            else { return nil }
            cache.index = IndexStamp(key: key, size: size, modified: modified)
        default: return nil
        }
        return cache
    }

    /// What identifies a skill's artifact: its site fingerprint (entry with checksum and
    /// description, score, file names and sizes), its repository and its files' execute bits.
    static func key(_ skill: SkillInput, files: [SkillListingCache.Entry]) -> String {
        var hasher = SHA256Hasher()
        hasher.update(skill.fingerprint)
        hasher.update("\u{0}")
        hasher.update(skill.entry.sourceRepo)
        hasher.update("\u{0}")
        // Each file's path and execute bit, as `<path>\0<0|1>\n`: from the listing, no URLs made.
        for file in files {
            hasher.update(file.relativePath)
            hasher.update(file.isExecutable ? "\u{0}1\n" : "\u{0}0\n")
        }
        return Digest.hex(hasher.finalize())
    }

    /// The record for `name` when it matches `key` and the file at `folder/relativePath` is as written.
    func hit(name: String, key: String, folder: String) -> Record? {
        guard let record = records[name], record.key == key,
            let stamp = Self.stamp(path: folder + "/" + record.relativePath),
            stamp.size == record.size, stamp.modified == record.modified
        else { return nil }
        return record
    }

    /// The size and modification time (ns) of the file at `url`, or nil.
    static func stamp(_ url: URL) -> (size: Int64, modified: Int64)? { stamp(path: url.path) }

    /// The size and modification time (ns) of the file at `path`, or nil.
    static func stamp(path: String) -> (size: Int64, modified: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (Int64(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}
