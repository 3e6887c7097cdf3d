/// Bounds on what one archive may unpack to, checked from its central directory before any
/// entry is inflated: a compression bomb is refused without costing memory or disk.
///
/// Set by `skillex pull`'s flags, else the `limits` section of the manifest `--manifest` names
/// (`max_file_bytes`, `max_archive_entries`, `max_archive_bytes`, `max_archive_ratio`), else
/// the defaults below.
public struct ArchiveLimits: Sendable, Equatable {
    /// Largest single entry after inflating (default 64 MiB, as `SkillLimits.maxFileBytes`).
    public var maxEntryBytes: UInt64
    /// Largest sum of all entries after inflating (default 4 GiB).
    public var maxTotalBytes: UInt64
    /// Most entries in one archive (default 100,000), checked before the central directory is
    /// read entry by entry.
    public var maxEntries: UInt64
    /// Most bytes written per byte fetched (default 100): an archive may unpack to at most this
    /// many times its own size, or `ratioAllowance`, whichever is more. Text deflates about 4:1;
    /// a bomb of zeros 1,000:1.
    public var maxRatio: UInt64

    /// What any archive may unpack to whatever its ratio (16 MiB), so tiny packs of repetitive
    /// text are never refused for their ratio alone.
    public static let ratioAllowance: UInt64 = 16 << 20

    /// The defaults: 64 MiB per entry, 4 GiB in all, 100,000 entries, 100:1.
    public static let standard = ArchiveLimits(
        maxEntryBytes: 64 << 20, maxTotalBytes: 4 << 30, maxEntries: 100_000, maxRatio: 100)

    /// Limits with the given bounds (entries and ratio default to the standard ones).
    public init(maxEntryBytes: UInt64, maxTotalBytes: UInt64, maxEntries: UInt64 = 100_000, maxRatio: UInt64 = 100) {
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxEntries = maxEntries
        self.maxRatio = maxRatio
    }

    /// Throws for the first entry over `maxEntryBytes`, when there are more than `maxEntries`,
    /// when the sum passes `maxTotalBytes`, or (given the archive's size) the ratio bound.
    public func check(_ entries: [ZipEntryInfo], archiveBytes: UInt64? = nil) throws(ZipError) {
        try checkCount(UInt64(entries.count))
        var total: UInt64 = 0
        for entry in entries {
            if entry.uncompressedSize > maxEntryBytes {
                throw .unsafe(
                    entry: entry.name,
                    reason: "unpacks to \(entry.uncompressedSize) bytes, over the limit of \(maxEntryBytes) (--max-file-bytes)")
            }
            let sum = total.addingReportingOverflow(entry.uncompressedSize)
            guard !sum.overflow, sum.partialValue <= maxTotalBytes else {
                throw .unsafe(
                    entry: "(all entries)",
                    reason: "unpack to more than \(maxTotalBytes) bytes (--max-total-bytes)")
            }
            total = sum.partialValue
        }
        guard let archiveBytes else { return }
        let product = archiveBytes.multipliedReportingOverflow(by: maxRatio)
        let allowed = max(product.overflow ? .max : product.partialValue, Self.ratioAllowance)
        if total > allowed {
            throw .unsafe(
                entry: "(all entries)",
                reason: "unpack to \(total) bytes from \(archiveBytes), more than \(maxRatio) times the archive's size (--max-ratio)")
        }
    }

    /// Throws when an archive of `count` entries has more than `maxEntries`.
    public func checkCount(_ count: UInt64) throws(ZipError) {
        if count > maxEntries {
            throw .unsafe(entry: "(archive)", reason: "holds \(count) entries, over the limit of \(maxEntries) (--max-entries)")
        }
    }
}
