import Foundation

/// A published `dist/` (a folder, or its URL) as an install source: its `index.json` names the
/// latest full pack and pack index with their SHA-256; each skill of the pack becomes an entry
/// whose digest is `sha256:` and the skill's checksum, so a lock taken from `dist/` updates when
/// the skill changes. The pack itself is fetched only when an entry is wanted, verified against
/// `index.json`, and read with the same archive checks as any other artifact.
struct DistHub: Sendable, Equatable {
    var pack: DistIndex.Artifact
    /// Each listed name's folder in the pack (`<repo>/<skill>`).
    var folders: [String: String]

    /// The hub index of the `dist/index.json` in `data`, or nil when `data` is not one.
    static func index(_ data: Data, source: HubSource, report: inout InstallReport) async throws -> HubIndex? {
        guard let dist = try? JSONDecoder().decode(DistIndex.self, from: data), dist.format == 1 else { return nil }
        guard let latest = dist.latest, let version = dist.versions.first(where: { $0.version == latest }) else {
            throw InstallError.badIndex(location: source.location, reason: "dist/index.json names no latest version")
        }
        let packIndexData = try await verified(version.index, from: source, limit: HubIndex.maxBytes)
        report.requests += 1
        report.bytesFetched += packIndexData.count
        let packIndex: PackIndex
        do { packIndex = try JSONDecoder().decode(PackIndex.self, from: packIndexData) } catch {
            throw InstallError.badIndex(location: source.location, reason: "\(version.index.file): \(ErrorText.decoding(error))")
        }
        var entries: [HubIndex.Entry] = []
        var folders: [String: String] = [:]
        for skill in packIndex.skills.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            guard HubIndex.nameProblem(skill.skill) == nil, folders[skill.skill] == nil else { continue }
            folders[skill.skill] = skill.path
            entries.append(HubIndex.Entry(
                name: skill.skill, type: "archive", description: "", url: version.pack.file, digest: "sha256:" + skill.checksum))
        }
        entries.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return HubIndex(entries: entries, dist: DistHub(pack: version.pack, folders: folders))
    }

    /// Fetches the pack once, checks it, and returns each entry's files.
    func artifacts(
        _ entries: [HubIndex.Entry], from source: HubSource, limits: ArchiveLimits, report: inout InstallReport
    ) async throws -> [(HubIndex.Entry, SkillArtifact, String)] {
        guard !entries.isEmpty else { return [] }
        let bytes = try await Self.verified(pack, from: source, limit: limits.maxTotalBytes)
        report.requests += 1
        report.bytesFetched += bytes.count
        let shown = (try? source.resolve(pack.file)).map { $0.isFileURL ? $0.path : $0.absoluteString } ?? pack.file
        do {
            let reader = try ZipReader(data: bytes, label: shown, checkCount: { count throws(ZipError) in try limits.checkCount(count) })
            try ArchiveSafety.check(reader.entries)
            try limits.check(reader.entries, archiveBytes: UInt64(bytes.count))
            return try entries.map { entry in
                let prefix = (folders[entry.name] ?? entry.name) + "/"
                var files: [SkillArtifact.File] = []
                for item in reader.entries where !item.isDirectory && item.name.hasPrefix(prefix) {
                    files.append(.init(path: String(item.name.dropFirst(prefix.count)), bytes: try reader.contents(of: item), executable: item.isExecutable))
                }
                guard files.contains(where: { $0.path == "SKILL.md" }) else {
                    throw InstallError.unsafeArtifact(name: entry.name, url: shown, reason: "the pack holds no \(prefix)SKILL.md")
                }
                return (entry, SkillArtifact(files: files), pack.file)
            }
        } catch let error as ZipError {
            throw InstallError.unsafeArtifact(name: "the pack", url: shown, reason: error.description)
        }
    }

    /// The bytes of `artifact` (a file of `dist/`), checked against its size and SHA-256.
    static func verified(_ artifact: DistIndex.Artifact, from source: HubSource, limit: UInt64) async throws -> Data {
        let url = try source.resolve(artifact.file)
        let shown = url.isFileURL ? url.path : url.absoluteString
        let bytes = try await source.fetch(url, limit: limit)
        let actual = Digest.sha256Hex(bytes)
        guard Int64(bytes.count) == artifact.size, actual == artifact.sha256.lowercased() else {
            throw InstallError.digestMismatch(name: artifact.file, url: shown, expected: "sha256:" + artifact.sha256, actual: "sha256:" + actual)
        }
        return bytes
    }
}
