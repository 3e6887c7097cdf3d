public import Foundation
import SkillEx

/// Writes the Agent Skills Discovery index (RFC v0.2.0) and its artifacts under
/// `<site>/.well-known/agent-skills/`: `index.json`, `<name>/SKILL.md` for a skill that is
/// SKILL.md alone, `<name>.zip` otherwise. Only admitted (or approved) skills with readable files
/// and a name the RFC accepts are listed. Every file is written only when its bytes change, and
/// files of skills no longer listed are removed, so an unchanged hub rewrites nothing.
public enum DiscoveryIndex {
    /// The `$schema` URI of the index format.
    public static let schema = "https://schemas.agentskills.io/discovery/0.2.0/schema.json"
    /// The folder under the site root.
    public static let folderPath = ".well-known/agent-skills"

    /// Builds the index of `input` into `site` (the site's output folder).
    public static func write(input: SiteInput, site: URL) throws -> DiscoveryReport {
        let folder = site.appendingPathComponent(folderPath, isDirectory: true)
        let base = DiscoverySettings.load(input.manifest).artifactBase
        var report = DiscoveryReport()
        let chosen = DiscoverySelection.choose(
            input.skills, repositoryOrder: input.manifest.repositories.map(\.name), warnings: &report.warnings)
        let cacheURL = DiscoveryCache.url(state: input.workspace.stateURL, site: site)
        let cache = DiscoveryCache.load(cacheURL)
        let folderOnDisk = folder.path
        // Unchanged skills come from the cache; the others are built (and compared) on every core.
        let results = ParallelMap.map(chosen.map { Candidate(name: $0.0, skill: $0.1) }) { candidate in
            Result { () throws -> Built? in
                guard case .success(let entries) = candidate.skill.fileEntries else { return nil }
                let key = DiscoveryCache.key(candidate.skill, files: entries)
                if let record = cache.hit(name: candidate.name, key: key, folder: folderOnDisk) {
                    return Built(candidate: candidate, record: record, written: false)
                }
                let files = entries.map(candidate.skill.file)
                let artifact = try DiscoveryArtifact.make(name: candidate.name, files: files)
                let target = folder.appendingPathComponent(artifact.relativePath)
                let written = try ChangedFile.write(artifact.bytes, to: target)
                let stamp = DiscoveryCache.stamp(target)
                let record = DiscoveryCache.Record(
                    key: key, type: artifact.type, relativePath: artifact.relativePath,
                    digest: "sha256:" + Digest.sha256Hex(artifact.bytes), size: stamp?.size ?? -1,
                    modified: stamp?.modified ?? -1)
                return Built(candidate: candidate, record: record, written: written)
            }
        }
        var entries: [DiscoveryEntry] = []
        var kept: Set<String> = ["index.json"]
        var next = DiscoveryCache()
        for result in results {
            guard let built = try result.get() else { continue }
            let record = built.record
            if built.written { report.written += 1 }
            kept.insert(String(record.relativePath.prefix { $0 != "/" }))
            next.records[built.candidate.name] = record
            entries.append(
                DiscoveryEntry(
                    name: built.candidate.name, type: record.type,
                    description: built.candidate.skill.entry.description ?? "",
                    url: base + record.relativePath, digest: record.digest))
        }
        // An index listing exactly what the last one did, still as written, is not encoded again.
        let indexURL = folder.appendingPathComponent("index.json")
        let indexKey = DiscoveryCache.indexKey(schema: schema, entries: entries)
        if cache.indexHolds(indexKey, at: indexURL) {
            next.index = cache.index
        } else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var bytes = try encoder.encode(DiscoveryIndexFile(schema: schema, skills: entries))
            bytes.append(0x0A)
            if try ChangedFile.write(bytes, to: indexURL) { report.written += 1 }
            next.index = DiscoveryCache.stamp(indexURL).map { .init(key: indexKey, size: $0.size, modified: $0.modified) }
        }
        report.removed = try ChangedFile.removeAll(in: folder, except: kept)
        report.skills = entries.count
        if next.records != cache.records || next.index != cache.index {
            try? AtomicFile.write(next.data(), to: cacheURL, durable: false)
        }
        return report
    }

    /// A skill chosen for the index, under its name.
    private struct Candidate: Sendable {
        var name: String
        var skill: SkillInput
    }

    /// A listed skill's artifact, and whether this build wrote it.
    private struct Built: Sendable {
        var candidate: Candidate
        var record: DiscoveryCache.Record
        var written: Bool
    }
}

/// What writing the discovery index did.
public struct DiscoveryReport: Sendable, Equatable {
    /// Skills listed.
    public var skills = 0
    /// Files written (index and artifacts whose bytes changed).
    public var written = 0
    /// Stale artifacts removed.
    public var removed = 0
    /// Skills left out, one line each (name collisions, names the RFC refuses).
    public var warnings: [String] = []
}

/// `index.json`.
struct DiscoveryIndexFile: Codable, Equatable {
    var schema: String
    var skills: [DiscoveryEntry]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema", skills
    }
}

/// One skill of `index.json`.
public struct DiscoveryEntry: Codable, Equatable, Sendable {
    /// The skill's name (the RFC's naming rules).
    public var name: String
    /// `skill-md` or `archive`.
    public var type: String
    /// The skill's description.
    public var description: String
    /// The artifact's URL, relative to the index or absolute when `site.url` is set.
    public var url: String
    /// `sha256:` and the artifact's hex SHA-256.
    public var digest: String
}
