/// Bounds on what one archive may unpack to, checked from its central directory before any
/// entry is inflated: a compression bomb is refused without costing memory or disk.
public struct ArchiveLimits: Sendable, Equatable {
    /// Largest single entry after inflating (default 64 MiB, as `SkillLimits.maxFileBytes`).
    public var maxEntryBytes: UInt64
    /// Largest sum of all entries after inflating (default 4 GiB).
    public var maxTotalBytes: UInt64

    /// The defaults: 64 MiB per entry, 4 GiB in all.
    public static let standard = ArchiveLimits(maxEntryBytes: 64 << 20, maxTotalBytes: 4 << 30)

    /// Limits with the given bounds.
    public init(maxEntryBytes: UInt64, maxTotalBytes: UInt64) {
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
    }

    /// Throws for the first entry over `maxEntryBytes`, or when the sum passes `maxTotalBytes`.
    public func check(_ entries: [ZipEntryInfo]) throws(ZipError) {
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
    }
}
