import Foundation

/// Remembers each skill's file fingerprint (paths, sizes, mtimes, inodes) and checksum, so an
/// unchanged skill is recognised from `lstat` alone, without reading its bytes.
struct SyncCache: Codable {
    struct Entry: Codable, Equatable {
        var fingerprint: String
        var checksum: String
    }

    var skills: [String: Entry] = [:]

    static func key(repo: String, skill: String) -> String { repo + "/" + skill }

    /// A digest of everything `lstat` says about `files` that changes when content changes.
    static func fingerprint(source: URL, files: [SkillFile]) -> String {
        var hasher = SHA256Hasher()
        hasher.update(source.path + "\n")
        for file in files {
            hasher.update("\(file.relativePath)\u{0}\(file.size)\u{0}\(file.modifiedNanoseconds)\u{0}\(file.inode)\n")
        }
        return Digest.hex(hasher.finalize())
    }

    static func load(_ url: URL) -> SyncCache {
        guard let data = try? Data(contentsOf: url),
            let cache = try? JSONDecoder().decode(SyncCache.self, from: data)
        else { return SyncCache() }
        return cache
    }

    func save(_ url: URL) throws {
        try AtomicFile.write(try JSONEncoder().encode(self), to: url, durable: false)
    }
}
