import Foundation

/// The `delta` strategy: the full pack every version (consumers starting empty need one), plus
/// `dist/deltas/skills-delta-<from>-to-<to>.zip` with only added and changed skills and a
/// `delta.json` listing removals and every skill's checksum after the delta.
public struct DeltaPackager: Packager {
    /// `delta`.
    public let name = "delta"

    /// A delta packager.
    public init() {}

    /// Writes the full pack, then the delta from `request.base` when there is one.
    public func pack(_ request: PackRequest) throws -> PackResult {
        var (result, skills, index) = try FullPackager.writeFullPack(request, strategy: name)
        guard let base = request.base, base != request.version else { return result }
        let dist = request.workspace.distURL
        let baseURL = dist.appendingPathComponent("skills-pack-\(base).json")
        let previous: PackIndex
        do { previous = try PackIndex.decode(Data(contentsOf: baseURL)) } catch {
            throw PackagingError.badFile(
                path: baseURL.path, reason: "cannot read the pack index of \(base): \(ErrorText.decoding(error))")
        }
        let before = previous.checksums
        let after = index.checksums
        let added = skills.filter { before[$0.path] == nil }
        let changed = skills.filter { skill in before[skill.path].map { $0 != skill.checksum } ?? false }
        let removed = before.keys.filter { after[$0] == nil }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let manifest = DeltaManifest(
            from: base, to: request.version, added: added.map(\.path), changed: changed.map(\.path),
            removed: removed, checksums: after, createdAt: index.createdAt)
        let file = "deltas/skills-delta-\(base)-to-\(request.version).zip"
        let written = try PackWriter.write(
            skills: added + changed,
            // The consumer rebuilds the pack index (checked against index.json), so the delta
            // carries only delta.json besides the skills.
            extras: [DeltaManifest.fileName: try JSONWriter.data(manifest)],
            to: dist.appendingPathComponent(file), timestamp: DOSTimestamp(request.timestamp))
        result.delta = .init(
            artifact: .init(from: base, file: file, size: written.size, sha256: written.sha256),
            added: manifest.added, changed: manifest.changed, removed: removed)
        return result
    }
}
