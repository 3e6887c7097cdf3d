public import Foundation

/// What the latest pack in `dist/` holds, so a build with no change does not mint a new version
/// and a new pack logs only the skills it changed.
public enum PackCurrency {
    /// The latest version in `dist/index.json` and its skills' checksums by `repo/skill`; nil
    /// when there is no pack (or its files are missing or unreadable).
    public static func latest(dist: URL) -> (version: String, checksums: [String: String])? {
        latestIndex(dist: dist).map { ($0.version, $0.checksums) }
    }

    /// `latest(dist:)` of the workspace's `dist/`, leaving a note of the checksums read
    /// (`PackChecksumNote`) for the next build.
    public static func latest(in workspace: Workspace) -> (version: String, checksums: [String: String])? {
        guard let found = latestIndex(dist: workspace.distURL) else { return nil }
        // A missing note, one of another file, or one whose digest is not this index's (another
        // SkillEx wrote it) is written again.
        let digest = PackChecksumNote.digest(found.checksums)
        if PackChecksumNote.digest(index: found.index, workspace: workspace) != digest {
            PackChecksumNote.record(index: found.index, checksums: found.checksums, workspace: workspace)
        }
        return (found.version, found.checksums)
    }

    /// The latest version when the note of its index (`PackChecksumNote`) shows that its pack
    /// holds exactly `skills`, without reading the index; nil otherwise (`latest` then decides).
    public static func unchangedByNote(_ skills: [SkillEntry], in workspace: Workspace) -> String? {
        guard let located = locate(dist: workspace.distURL),
            FileManager.default.fileExists(atPath: located.pack.path),
            let noted = PackChecksumNote.digest(index: located.index, workspace: workspace),
            noted == PackChecksumNote.digest(checksums(skills))
        else { return nil }
        return located.version
    }

    /// The latest version in `dist/index.json` and where its pack and pack index are (the one
    /// lookup of the latest pack: currency, its note, and the pack a new one copies from).
    static func locate(dist: URL) -> (version: String, index: URL, pack: URL)? {
        guard let history = try? DistIndex.load(dist.appendingPathComponent(DistIndex.fileName)),
            let latest = history.latest, let entry = history.entry(latest)
        else { return nil }
        return (latest, dist.appendingPathComponent(entry.index.file), dist.appendingPathComponent(entry.pack.file))
    }

    private static func latestIndex(dist: URL) -> (version: String, index: URL, checksums: [String: String])? {
        guard let located = locate(dist: dist) else { return nil }
        // Kept: a new pack reads the same index again (`PackReuse`).
        guard let checksums = checksums(packIndexAt: located.index, keep: true),
            FileManager.default.fileExists(atPath: located.pack.path)
        else { return nil }
        return (located.version, located.index, checksums)
    }

    /// Starts reading the latest pack index's checksums on another core (a build, before sync),
    /// for `latest` to take; not when the note of that index (`PackChecksumNote`) can answer
    /// instead (a pack is then made only after sync changed a skill, and `PackReuse.prefetch`
    /// reads the index).
    public static func prefetch(_ workspace: Workspace) {
        guard let located = locate(dist: workspace.distURL),
            PackChecksumNote.digest(index: located.index, workspace: workspace) == nil
        else { return }
        FilePrefetch.start(located.index) { checksums(packIndex: $0) }
    }

    /// Starts reading the latest pack index's checksums on another core whatever the note says
    /// (a pack is about to be made: `PackReuse.prefetch`).
    static func prefetchIndex(dist: URL) {
        guard let located = locate(dist: dist) else { return }
        FilePrefetch.start(located.index) { checksums(packIndex: $0) }
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
