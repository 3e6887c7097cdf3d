import Foundation

/// Applies one checked delta pack to a staged copy of the target folder.
enum DeltaApplier {
    /// What applying a delta produced.
    struct Applied {
        /// The delta's description.
        var delta: DeltaManifest
        /// The pack index of `delta.to`, rebuilt from the folder it held and the carried skills.
        var rebuiltIndex: Data
    }

    /// Removes the delta's removed and carried skills and writes the carried ones. Refuses
    /// entries outside the carried skills. The caller installs the new pack index.
    static func apply(_ reader: ZipReader, file: String, to staging: URL) throws -> Applied {
        let manifestData: Data?
        do { manifestData = try reader.contents(named: DeltaManifest.fileName) } catch {
            throw PullError.badArchive(file: file, reason: error.description)
        }
        guard let manifestData, let delta = try? JSONDecoder().decode(DeltaManifest.self, from: manifestData) else {
            throw PullError.badArchive(file: file, reason: "missing or malformed \(DeltaManifest.fileName)")
        }
        let held = try PackIndexFile.require(in: staging, file: file)
        guard held.version == delta.from else {
            throw PullError.badArchive(file: file, reason: "applies to \(delta.from), folder holds \(held.version)")
        }
        let carried = Set(delta.carried)
        for entry in reader.entries {
            if entry.name == DeltaManifest.fileName || entry.name == PackIndex.fileName { continue }
            let parts = entry.name.split(separator: "/", maxSplits: 2)
            guard parts.count == 3, carried.contains(parts[0] + "/" + parts[1]) else {
                throw PullError.badArchive(file: file, reason: "entry \(entry.name) is not in a carried skill")
            }
        }
        for skill in delta.removed + delta.carried + Array(delta.checksums.keys) {
            try ArchiveSafety.checkNameOrThrow(skill, file: file)
        }
        for skill in delta.removed + delta.carried {
            try? FileManager.default.removeItem(at: staging.appendingPathComponent(skill))
        }
        try TreeExtractor.extract(reader, into: staging, file: file) {
            $0.name != DeltaManifest.fileName && $0.name != PackIndex.fileName
        }
        return Applied(delta: delta, rebuiltIndex: try rebuild(delta, held: held, staging: staging, file: file))
    }

    /// The `to` pack index: unchanged skills from the held index, carried ones from the tree.
    private static func rebuild(_ delta: DeltaManifest, held: PackIndex, staging: URL, file: String) throws -> Data {
        let previous = Dictionary(held.skills.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let carried = Set(delta.carried)
        let paths = delta.checksums.keys.sorted { ($0 + "/").utf8.lexicographicallyPrecedes(($1 + "/").utf8) }
        var skills: [PackIndex.Skill] = []
        for path in paths {
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count == 2, let checksum = delta.checksums[path] else {
                throw PullError.badArchive(file: file, reason: "bad skill name \(path) in \(DeltaManifest.fileName)")
            }
            if !carried.contains(path), let kept = previous[path] {
                skills.append(kept)
                continue
            }
            do {
                let selected = try SkillSelection.select(
                    repo: parts[0], skill: parts[1], checksum: checksum,
                    folder: staging.appendingPathComponent(path))
                skills.append(selected.indexEntry)
            } catch {
                throw PullError.badArchive(file: file, reason: "skill \(path) is neither carried nor held")
            }
        }
        return try JSONWriter.data(PackIndex(version: delta.to, createdAt: delta.createdAt ?? "", skills: skills))
    }
}

extension ArchiveSafety {
    /// `checkName` with the error mapped to a pull error naming `file`.
    static func checkNameOrThrow(_ name: String, file: String) throws {
        do { try checkName(name) } catch { throw PullError.badArchive(file: file, reason: error.description) }
    }
}
