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
/// symlink target it is read from). A rebuild appends the listings that changed; a later line for
/// a path replaces an earlier one.
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
    /// Lines the file held (superseded ones included), and whether it ended in a newline (only
    /// then can lines be appended to it).
    var lines = 0
    var appendable = false

    /// The cached files of the skill at `targetPath` whose content has `checksum`, if the cache
    /// has them.
    func entries(targetPath: String, checksum: String) -> [Entry]? {
        guard !checksum.isEmpty, let listing = listings[targetPath], listing.checksum == checksum else { return nil }
        return listing.files
    }

    /// `files` of the skill synced into the folder at `folder` as entries.
    static func entries(of files: [SkillFile], folder: String) -> [Entry] {
        let base = folder + "/"
        return files.map { file in
            let path = file.path
            return Entry(
                relativePath: file.relativePath, size: file.size, isExecutable: file.isExecutable,
                source: path == base + file.relativePath ? nil : path)
        }
    }

    /// The listing to keep for `files` of the skill synced into the folder at `folder`; nil when
    /// a path cannot be kept on one line (such a skill is simply listed on every build).
    static func listing(checksum: String, files: [SkillFile], folder: String) -> Listing? {
        guard !checksum.isEmpty, safe(checksum) else { return nil }
        let entries = entries(of: files, folder: folder)
        for entry in entries {
            guard safe(entry.relativePath), safe(entry.source ?? "") else { return nil }
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
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            var fields: [Range<Int>] = []
            var start = 0
            while start < bytes.count {
                var end = start
                fields.removeAll(keepingCapacity: true)
                cache.lines += 1
                var fieldStart = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "\n") {
                    if bytes[end] == UInt8(ascii: "\t") {
                        fields.append(fieldStart..<end)
                        fieldStart = end + 1
                    }
                    end += 1
                }
                fields.append(fieldStart..<end)
                start = end + 1
                // A last line without its newline was cut short by a crash mid-append: not trusted.
                guard end < bytes.count, fields.count >= 2, (fields.count - 2) % 4 == 0, !fields[0].isEmpty, !fields[1].isEmpty else { continue }
                var entries: [Entry] = []
                entries.reserveCapacity((fields.count - 2) / 4)
                var index = 2
                var sound = true
                while index < fields.count {
                    guard let size = Self.integer(bytes, fields[index]), !fields[index + 2].isEmpty else {
                        sound = false
                        break
                    }
                    let exec = fields[index + 1]
                    entries.append(Entry(
                        relativePath: text(fields[index + 2]), size: size,
                        isExecutable: exec.count == 1 && bytes[exec.lowerBound] == UInt8(ascii: "x"),
                        source: fields[index + 3].isEmpty ? nil : text(fields[index + 3])))
                    index += 4
                }
                guard sound else { continue }
                cache.listings[text(fields[0])] = Listing(checksum: text(fields[1]), files: entries)
            }
        }
        cache.appendable = data.last == UInt8(ascii: "\n")
        return cache
    }

    /// The decimal integer in `range` (an optional leading `-`), nil for anything else.
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int64? {
        var index = range.lowerBound
        let negative = index < range.upperBound && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < range.upperBound, range.upperBound - index <= 18 else {
            return range.isEmpty ? nil : Int64(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
        }
        var value: Int64 = 0
        while index < range.upperBound {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
            index += 1
        }
        return negative ? -value : value
    }

    /// The cache's bytes, sorted by target path.
    func encode() -> Data { Self.encode(listings) }

    /// The lines of `listings`, sorted by target path (a later line for a path replaces an
    /// earlier one, so changed listings can be appended to the file).
    static func encode(_ listings: [String: Listing]) -> Data {
        var out = ""
        for path in listings.keys.sorted() {
            guard let listing = listings[path], safe(path) else { continue }
            out += path + "\t" + listing.checksum
            for entry in listing.files {
                out += "\t\(entry.size)\t\(entry.isExecutable ? "x" : "-")\t\(entry.relativePath)\t\(entry.source ?? "")"
            }
            out += "\n"
        }
        return Data(out.utf8)
    }
}
