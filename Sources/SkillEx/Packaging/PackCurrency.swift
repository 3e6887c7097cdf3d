public import Foundation

/// Whether `dist/` already holds a pack of exactly these skills, so a build with no change
/// does not mint a new version.
public enum PackCurrency {
    /// The latest version in `dist/index.json` when its pack holds exactly `skills` (same
    /// repositories, names and checksums); nil when something changed or there is no pack.
    public static func unchangedVersion(of skills: [SkillEntry], dist: URL) -> String? {
        guard let index = try? DistIndex.load(dist.appendingPathComponent(DistIndex.fileName)),
            let latest = index.latest, let entry = index.entry(latest),
            let data = try? Data(contentsOf: dist.appendingPathComponent(entry.index.file)),
            let pack = try? JSONDecoder().decode(PackIndex.self, from: data),
            FileManager.default.fileExists(atPath: dist.appendingPathComponent(entry.pack.file).path)
        else { return nil }
        let current = Dictionary(
            skills.map { ("\($0.sourceRepo)/\($0.name)", $0.checksum) }, uniquingKeysWith: { first, _ in first })
        return pack.checksums == current ? latest : nil
    }
}
