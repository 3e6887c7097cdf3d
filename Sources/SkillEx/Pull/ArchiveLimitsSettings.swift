/// The archive bounds a manifest's `limits` section may set for `skillex pull`; absent fields
/// keep `ArchiveLimits.standard`. `max_file_bytes` is shared with sync's per-file bound.
///
/// ```json
/// "limits": { "max_file_bytes": 67108864, "max_archive_entries": 100000,
///             "max_archive_bytes": 4294967296, "max_archive_ratio": 100 }
/// ```
struct ArchiveLimitsSettings: Decodable {
    var maxFileBytes: UInt64?
    var maxArchiveEntries: UInt64?
    var maxArchiveBytes: UInt64?
    var maxArchiveRatio: UInt64?

    private enum CodingKeys: String, CodingKey {
        case maxFileBytes = "max_file_bytes", maxArchiveEntries = "max_archive_entries"
        case maxArchiveBytes = "max_archive_bytes", maxArchiveRatio = "max_archive_ratio"
    }
}

extension ArchiveLimits {
    /// The bounds the manifest's `limits` section sets, the defaults for the rest.
    public static func of(_ manifest: Manifest) throws(ManifestLimitsError) -> ArchiveLimits {
        let settings: ArchiveLimitsSettings?
        do { settings = try manifest.extra.decode(ArchiveLimitsSettings.self, key: "limits") } catch {
            throw ManifestLimitsError(reason: ErrorText.brief(error))
        }
        var limits = ArchiveLimits.standard
        guard let settings else { return limits }
        let values = [settings.maxFileBytes, settings.maxArchiveEntries, settings.maxArchiveBytes, settings.maxArchiveRatio]
        if values.contains(0) { throw ManifestLimitsError(reason: "every limit must be a positive number") }
        limits.maxEntryBytes = settings.maxFileBytes ?? limits.maxEntryBytes
        limits.maxEntries = settings.maxArchiveEntries ?? limits.maxEntries
        limits.maxTotalBytes = settings.maxArchiveBytes ?? limits.maxTotalBytes
        limits.maxRatio = settings.maxArchiveRatio ?? limits.maxRatio
        return limits
    }
}
