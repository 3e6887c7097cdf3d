import Foundation

/// The `full` strategy: one pack holding every recorded skill, plus its index beside it.
public struct FullPackager: Packager {
    /// `full`.
    public let name = "full"

    /// A full packager.
    public init() {}

    /// Writes `dist/skills-pack-<version>.zip` and `dist/skills-pack-<version>.json`.
    public func pack(_ request: PackRequest) throws -> PackResult {
        try Self.writeFullPack(request, strategy: name).result
    }

    /// The full pack: what it wrote, the skills it packed and its index (for other strategies).
    public static func writeFullPack(
        _ request: PackRequest, strategy: String
    ) throws -> (result: PackResult, skills: [SelectedSkill], index: PackIndex) {
        let dist = request.workspace.distURL
        let reuse = PackReuse.latest(dist: dist)
        PhaseTrace.mark("pack.reuse")
        let skills = try SkillSelection.collect(workspace: request.workspace, manifest: request.manifest, reuse: reuse)
        PhaseTrace.mark("pack.collect")
        let createdAt = Timestamp.string(request.timestamp)
        let index = PackIndex(version: request.version, createdAt: createdAt, skills: skills.map(\.indexEntry))
        let indexData = try PackIndexJSON.data(index)
        PhaseTrace.mark("pack.indexdata")
        let packName = "skills-pack-\(request.version).zip"
        let indexName = "skills-pack-\(request.version).json"
        let written = try PackWriter.write(
            skills: skills, extras: [PackIndex.fileName: indexData],
            to: dist.appendingPathComponent(packName), timestamp: DOSTimestamp(request.timestamp),
            reuse: reuse)
        PhaseTrace.mark("pack.write")
        try AtomicFile.write(indexData, to: dist.appendingPathComponent(indexName))
        PackChecksumNote.record(
            index: dist.appendingPathComponent(indexName), checksums: index.checksums, workspace: request.workspace)
        let result = PackResult(
            version: request.version, strategy: strategy, createdAt: createdAt,
            pack: .init(file: packName, size: written.size, sha256: written.sha256),
            index: .init(file: indexName, size: Int64(indexData.count), sha256: Digest.sha256Hex(indexData)),
            skills: index.skills.count, files: index.files, bytes: index.bytes, delta: nil, dist: dist.path)
        return (result, skills, index)
    }
}
