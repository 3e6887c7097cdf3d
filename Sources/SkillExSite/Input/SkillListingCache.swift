import Foundation
import SkillEx

/// The file listing of every skill as of its manifest checksum, kept in
/// `.skillex/site-listings.tsv` so a rebuild does not walk and stat every file of every skill.
///
/// `skills/` is `skillex sync`'s output: sync guarantees a skill folder's content is what the
/// manifest's `checksum` says, so a listing taken for one checksum holds until the checksum
/// changes. A file added behind sync's back is not seen until the next sync changes the
/// checksum. One line per skill: `target_path<TAB>checksum` then `<TAB>size<TAB>exec<TAB>
/// relative<TAB>source` per file (`source` empty when the file is read from its own path, else the
/// symlink target it is read from).
struct SkillListingCache: Sendable {
    struct Listing: Sendable, Equatable {
        var checksum: String
        var files: [Entry]
    }

    struct Entry: Sendable, Equatable {
        var relativePath: String
        var size: Int64
        var isExecutable: Bool
        /// The path bytes are read from when it is not the folder's own path (a symlink's target).
        var source: String?
    }

    /// Listings by target path.
    var listings: [String: Listing] = [:]

    /// The cached files of the skill at `targetPath` (synced into `folder`) whose content has
    /// `checksum`, if the cache has them.
    func files(targetPath: String, checksum: String, folder: URL) -> [SkillFile]? {
        guard !checksum.isEmpty, let listing = listings[targetPath], listing.checksum == checksum else { return nil }
        let base = folder.path + "/"
        return listing.files.map { entry in
            SkillFile(
                relativePath: entry.relativePath,
                url: URL(fileURLWithPath: entry.source ?? base + entry.relativePath, isDirectory: false),
                size: entry.size, isExecutable: entry.isExecutable)
        }
    }

    /// The listing to keep for `files` of the skill synced into `folder`; nil when a path cannot
    /// be kept on one line (such a skill is simply listed on every build).
    static func listing(checksum: String, files: [SkillFile], folder: URL) -> Listing? {
        guard !checksum.isEmpty, safe(checksum) else { return nil }
        let base = folder.path + "/"
        var entries: [Entry] = []
        entries.reserveCapacity(files.count)
        for file in files {
            let path = file.url.path
            let source = path == base + file.relativePath ? nil : path
            guard safe(file.relativePath), safe(source ?? "") else { return nil }
            entries.append(Entry(relativePath: file.relativePath, size: file.size, isExecutable: file.isExecutable, source: source))
        }
        return Listing(checksum: checksum, files: entries)
    }

    private static func safe(_ text: String) -> Bool {
        !text.utf8.contains(where: { $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") })
    }

    // MARK: - File

    /// The cache in `data`; malformed lines are skipped (those skills are listed again).
    static func decode(_ data: Data) -> SkillListingCache {
        var cache = SkillListingCache()
        for line in data.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count >= 2, (fields.count - 2) % 4 == 0, !fields[0].isEmpty, !fields[1].isEmpty else { continue }
            var entries: [Entry] = []
            var index = 2
            var sound = true
            while index < fields.count {
                guard let size = Int64(String(decoding: fields[index], as: UTF8.self)), !fields[index + 2].isEmpty else {
                    sound = false
                    break
                }
                let source = String(decoding: fields[index + 3], as: UTF8.self)
                entries.append(Entry(
                    relativePath: String(decoding: fields[index + 2], as: UTF8.self), size: size,
                    isExecutable: fields[index + 1].elementsEqual("x".utf8), source: source.isEmpty ? nil : source))
                index += 4
            }
            guard sound else { continue }
            cache.listings[String(decoding: fields[0], as: UTF8.self)] = Listing(
                checksum: String(decoding: fields[1], as: UTF8.self), files: entries)
        }
        return cache
    }

    /// The cache's bytes, sorted by target path.
    func encode() -> Data {
        var out = ""
        for path in listings.keys.sorted() {
            guard let listing = listings[path], Self.safe(path) else { continue }
            out += path + "\t" + listing.checksum
            for entry in listing.files {
                out += "\t\(entry.size)\t\(entry.isExecutable ? "x" : "-")\t\(entry.relativePath)\t\(entry.source ?? "")"
            }
            out += "\n"
        }
        return Data(out.utf8)
    }
}
