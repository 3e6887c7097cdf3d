import Foundation

/// The latest pack in `dist/`, whose entries a new pack copies for the skills it holds with the
/// same checksum: deflate is most of what packing costs, and zlib gives the same bytes for the
/// same input, so a pack that copies them is byte-identical to one deflated afresh. The new pack
/// still reads and hashes every file (the manifest's checksum is verified as before); a copied
/// entry must also have the file's size, CRC-32 and permissions, else the file is deflated anew.
struct PackReuse: Sendable {
    private let reader: ZipReader
    private let entries: [String: ZipEntryInfo]
    private let checksums: [String: String]

    /// The latest pack of `dist/`, mapped into memory; nil when there is none or it cannot be read
    /// (the new pack then deflates everything).
    static func latest(dist: URL) -> PackReuse? {
        guard let index = try? DistIndex.load(dist.appendingPathComponent(DistIndex.fileName)),
            let latest = index.latest, let entry = index.entry(latest),
            let indexData = try? Data(contentsOf: dist.appendingPathComponent(entry.index.file)),
            let checksums = PackCurrency.checksums(packIndex: indexData),
            let data = try? Data(contentsOf: dist.appendingPathComponent(entry.pack.file), options: .alwaysMapped),
            let reader = try? ZipReader(data: data, label: entry.pack.file)
        else { return nil }
        let entries = Dictionary(reader.entries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return PackReuse(reader: reader, entries: entries, checksums: checksums)
    }

    /// True when the previous pack holds `skill` with the same checksum.
    func holds(_ skill: SelectedSkill) -> Bool { checksums[skill.path] == skill.checksum }

    /// The previous pack's entry for `name`, copied, when it stores exactly `bytes` with these
    /// permissions; nil otherwise.
    func entry(name: String, bytes: Data, permissions: UInt16) -> CompressedEntry? {
        guard let old = entries[name], old.flags & 0x0001 == 0,
            old.method == ZipFormat.methodDeflate || old.method == ZipFormat.methodStored,
            old.uncompressedSize == UInt64(bytes.count), old.unixMode.map({ $0 & 0o7777 }) == UInt32(permissions),
            old.crc32 == ZipCompressor.crc32(bytes), let payload = try? reader.storedPayload(of: old)
        else { return nil }
        return CompressedEntry(
            name: name, permissions: permissions, method: old.method, crc32: old.crc32,
            uncompressedSize: old.uncompressedSize, payload: payload)
    }
}
