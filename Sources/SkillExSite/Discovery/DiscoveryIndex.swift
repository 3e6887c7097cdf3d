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
        var entries: [DiscoveryEntry] = []
        var kept: Set<String> = ["index.json"]
        for (name, skill) in chosen {
            guard case .success(let files) = skill.files else { continue }
            let artifact = try DiscoveryArtifact.make(name: name, files: files)
            let target = folder.appendingPathComponent(artifact.relativePath)
            if try ChangedFile.write(artifact.bytes, to: target) { report.written += 1 }
            kept.insert(artifact.topLevelName)
            entries.append(
                DiscoveryEntry(
                    name: name, type: artifact.type, description: skill.entry.description ?? "",
                    url: base + artifact.relativePath, digest: "sha256:" + Digest.sha256Hex(artifact.bytes)))
        }
        let index = DiscoveryIndexFile(schema: schema, skills: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var bytes = try encoder.encode(index)
        bytes.append(0x0A)
        if try ChangedFile.write(bytes, to: folder.appendingPathComponent("index.json")) { report.written += 1 }
        report.removed = try ChangedFile.removeAll(in: folder, except: kept)
        report.skills = entries.count
        return report
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
