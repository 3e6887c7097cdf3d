public import Foundation

/// The `manifest.json` object published beside the packs: skills, versions and checksums
/// (never settings or secrets). Its bytes depend only on its inputs, so an unchanged hub
/// publishes an identical object and nothing is uploaded.
public enum PublishMetadata {
    /// The key it is stored under.
    public static let key = "manifest.json"

    /// The metadata document for `manifest` and the dist files `items`.
    public static func document(manifest: Manifest, index: DistIndex, items: [DistContents.Item]) throws -> Data {
        struct Skill: Encodable {
            var repo: String, name: String, checksum: String, description: String?
            var packagedAt: String, sourceCommit: String?
            enum CodingKeys: String, CodingKey {
                case repo, name, checksum, description
                case packagedAt = "packaged_at", sourceCommit = "source_commit"
            }
        }
        struct Object: Encodable { var key: String, size: Int64, sha256: String }
        struct Document: Encodable {
            var format = 1
            var latest: String?
            var versions: [String]
            var skills: [Skill]
            var objects: [Object]
        }
        let skills = manifest.skills.map {
            Skill(repo: $0.sourceRepo, name: $0.name, checksum: $0.checksum, description: $0.description,
                  packagedAt: $0.packagedAt, sourceCommit: $0.sourceCommit)
        }.sorted { ($0.repo, $0.name) < ($1.repo, $1.name) }
        let objects = items.filter { $0.key != key }.map { Object(key: $0.key, size: $0.size, sha256: $0.sha256) }
        let document = Document(
            latest: index.latest, versions: index.versions.map(\.version), skills: skills, objects: objects)
        return try JSONWriter.data(document)
    }
}
