public import Foundation

/// What the latest pack in `dist/` holds, so a build with no change does not mint a new version
/// and a new pack logs only the skills it changed.
public enum PackCurrency {
    /// The latest version in `dist/index.json` and its skills' checksums by `repo/skill`; nil
    /// when there is no pack (or its files are missing or unreadable).
    public static func latest(dist: URL) -> (version: String, checksums: [String: String])? {
        guard let index = try? DistIndex.load(dist.appendingPathComponent(DistIndex.fileName)),
            let latest = index.latest, let entry = index.entry(latest)
        else { return nil }
        // Kept: a new pack reads the same index again (`PackReuse`).
        guard let checksums = checksums(packIndexAt: dist.appendingPathComponent(entry.index.file), keep: true),
            FileManager.default.fileExists(atPath: dist.appendingPathComponent(entry.pack.file).path)
        else { return nil }
        return (latest, checksums)
    }

    /// Starts reading the latest pack index's checksums on another core (a build, before sync),
    /// for `latest` to take.
    public static func prefetch(dist: URL) {
        guard let index = try? DistIndex.load(dist.appendingPathComponent(DistIndex.fileName)),
            let latest = index.latest, let entry = index.entry(latest)
        else { return }
        FilePrefetch.start(dist.appendingPathComponent(entry.index.file)) { checksums(packIndex: $0) }
    }

    /// The checksums of the pack index file at `url` (the prefetched ones while the file is
    /// unchanged; left for a later reader too with `keep`); nil when it is not a pack index.
    static func checksums(packIndexAt url: URL, keep: Bool = false) -> [String: String]? {
        if let prefetched = FilePrefetch.take(url, as: [String: String]?.self, keep: keep) { return prefetched }
        return (try? Data(contentsOf: url)).flatMap(checksums(packIndex:))
    }

    /// `PackIndex.checksums` of a pack index file; nil when it is not a pack index.
    static func checksums(packIndex data: Data) -> [String: String]? {
        (try? PackIndex.decode(data))?.checksums
    }

    /// The latest version in `dist/index.json` when its pack holds exactly `skills` (same
    /// repositories, names and checksums); nil when something changed or there is no pack.
    public static func unchangedVersion(of skills: [SkillEntry], dist: URL) -> String? {
        guard let latest = latest(dist: dist) else { return nil }
        return latest.checksums == checksums(skills) ? latest.version : nil
    }

    /// `skills`' checksums by `repo/skill` (the first of two entries with one name).
    public static func checksums(_ skills: [SkillEntry]) -> [String: String] {
        Dictionary(skills.map { ("\($0.sourceRepo)/\($0.name)", $0.checksum) }, uniquingKeysWith: { first, _ in first })
    }
}
