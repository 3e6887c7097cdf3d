package import Foundation

/// The latest pack in `dist/`, whose entries a new pack copies for the skills it holds with the
/// same checksum: deflate is most of what packing costs, and zlib gives the same bytes for the
/// same input, so a pack that copies them is byte-identical to one deflated afresh. A skill whose
/// installed copy sync's record vouches for (the checksum and the `lstat` fingerprint sync left,
/// the scorer's rule) is copied without reading its files; any other skill is read and its
/// checksum verified as before, and each copied entry must have the file's size, CRC-32 and
/// permissions, else the file is deflated anew.
package struct PackReuse: Sendable {
    private let reader: ZipReader
    private let entries: [String: ZipEntryInfo]
    private let checksums: [String: String]
    /// Each skill's entries in the pack: `repo/skill` → their positions in `reader.entries`
    /// (a skill's files are neighbours in archive order).
    private let skillEntries: [String: Range<Int>]
    /// The pack open by descriptor, so copied entries can be sent from it whole (`ZipOrigin`).
    private let file: ZipSourceFile?

    /// The latest pack of `dist/`, mapped into memory; nil when there is none or it cannot be read
    /// (the new pack then deflates everything). One opened ahead by `prefetch` is taken while
    /// `dist/index.json` and the pack are still the files it read.
    static func latest(dist: URL) -> PackReuse? {
        if let early = PackReusePrefetch.take(dist: dist) { return early }
        return open(dist: dist, keepChecksums: false)
    }

    /// Opens the latest pack of `dist/` on another core, for `latest` to take: a build starts it
    /// once sync has changed a skill, so the previous pack is read while the skills are scored.
    package static func prefetch(dist: URL) { PackReusePrefetch.start(dist: dist) }

    /// The latest pack of `dist/`, read now; `keepChecksums` leaves the prefetched checksums of
    /// its index for a later reader.
    static func open(dist: URL, keepChecksums: Bool) -> PackReuse? {
        guard let latest = PackCurrency.locate(dist: dist),
            let checksums = PackCurrency.checksums(packIndexAt: latest.index, keep: keepChecksums),
            let data = try? Data(contentsOf: latest.pack, options: .alwaysMapped),
            let reader = try? ZipReader(data: data, label: latest.pack.lastPathComponent)
        else { return nil }
        let entries = Dictionary(reader.entries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let file = ZipSourceFile(path: latest.pack.path)
        return PackReuse(
            reader: reader, entries: entries, checksums: checksums, skillEntries: skillRanges(reader.entries), file: file)
    }

    /// The runs of entries named `repo/skill/…`, by `repo/skill` (files at the top, such as the
    /// pack's index, belong to no skill). A name is compared as bytes with the run's; a string is
    /// made once per skill.
    private static func skillRanges(_ entries: [ZipEntryInfo]) -> [String: Range<Int>] {
        var out: [String: Range<Int>] = [:]
        var current: (prefix: String, start: Int)?
        for (index, entry) in entries.enumerated() {
            let length = prefixLength(entry.name)
            if let run = current, length == run.prefix.utf8.count,
                entry.name.utf8.starts(with: run.prefix.utf8)
            {
                continue
            }
            if let run = current { out[run.prefix] = run.start..<index }
            current = length > 0 ? (String(entry.name.utf8.prefix(length)) ?? "", index) : nil
        }
        if let run = current { out[run.prefix] = run.start..<entries.count }
        return out
    }

    /// The byte length of `repo/skill` in `repo/skill/path`; 0 for a name with fewer than two `/`.
    private static func prefixLength(_ name: String) -> Int {
        var slashes = 0
        for (offset, byte) in name.utf8.enumerated() where byte == UInt8(ascii: "/") {
            slashes += 1
            if slashes == 2 { return offset }
        }
        return 0
    }

    /// The relative paths of the files the previous pack holds for `repo/skill`, in archive
    /// order, when it holds that skill with `checksum`.
    func files(of path: String, checksum: String) -> [String]? {
        guard checksums[path] == checksum, let range = skillEntries[path] else { return nil }
        let drop = path.utf8.count + 1
        return reader.entries[range].map { String($0.name.utf8.dropFirst(drop)) ?? "" }
    }

    /// True when the previous pack holds `skill` with the same checksum.
    func holds(_ skill: SelectedSkill) -> Bool { checksums[skill.path] == skill.checksum }

    /// The previous pack's entry for `name`, copied, when it stores exactly `bytes` with these
    /// permissions; nil otherwise.
    func entry(name: String, bytes: Data, permissions: UInt16) -> CompressedEntry? {
        guard let copied = entry(name: name, size: UInt64(bytes.count), permissions: permissions),
            copied.crc32 == ZipCompressor.crc32(bytes)
        else { return nil }
        return copied
    }

    /// The previous pack's entries for every file of `skill`, without reading the files: for a
    /// skill whose copy sync's record vouches for (`SelectedSkill.trusted`). Nil unless the pack
    /// holds the skill with the same checksum and an entry of each file's name, size and
    /// permissions.
    func entries(of skill: SelectedSkill) -> [CompressedEntry]? {
        guard skill.trusted, holds(skill) else { return nil }
        var out: [CompressedEntry] = []
        out.reserveCapacity(skill.files.count)
        for (file, executable) in zip(skill.files, skill.executable) {
            guard file.size >= 0,
                let copied = entry(
                    name: skill.path + "/" + file.relativePath, size: UInt64(file.size),
                    permissions: executable ? 0o755 : 0o644)
            else { return nil }
            out.append(copied)
        }
        return out
    }

    /// The previous pack's entry for `name` when it has this size and these permissions and is
    /// stored or deflated without encryption.
    private func entry(name: String, size: UInt64, permissions: UInt16) -> CompressedEntry? {
        guard let old = entries[name], old.flags & 0x0001 == 0,
            old.method == ZipFormat.methodDeflate || old.method == ZipFormat.methodStored,
            old.uncompressedSize == size, old.unixMode.map({ $0 & 0o7777 }) == UInt32(permissions),
            let payload = try? reader.storedPayloadView(of: old)
        else { return nil }
        var copied = CompressedEntry(
            name: name, permissions: permissions, method: old.method, crc32: old.crc32,
            uncompressedSize: old.uncompressedSize, payload: payload)
        if let file, let header = try? reader.localHeaderRange(of: old) {
            copied.origin = ZipOrigin(
                file: file, offset: header.lowerBound - reader.data.startIndex, header: reader.data[header],
                length: header.count + payload.count)
        }
        return copied
    }
}
