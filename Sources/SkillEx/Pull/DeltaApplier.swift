import Foundation

/// Applies one checked delta pack to a staged copy of the target folder.
enum DeltaApplier {
    /// What applying a delta produced.
    struct Applied {
        /// The delta's description.
        var delta: DeltaManifest
        /// The pack index of `delta.to`, rebuilt from the folder it held and the carried skills.
        var rebuilt: PackIndex
        /// `rebuilt` as written.
        var rebuiltIndex: Data
    }

    /// Removes the delta's removed and carried skills and writes the carried ones. Refuses
    /// entries outside the carried skills. `held` is the staging folder's pack index when the
    /// caller has it decoded already. The caller installs the new pack index.
    static func apply(_ reader: ZipReader, file: String, to staging: URL, held: PackIndex? = nil) throws -> Applied {
        let manifestData: Data?
        do { manifestData = try reader.contents(named: DeltaManifest.fileName) } catch {
            throw PullError.badArchive(file: file, reason: error.description)
        }
        guard let manifestData, let delta = try? JSONDecoder().decodeChecked(DeltaManifest.self, from: manifestData) else {
            throw PullError.badArchive(file: file, reason: "missing or malformed \(DeltaManifest.fileName)")
        }
        let held = try held ?? PackIndexFile.require(in: staging, file: file)
        guard held.version == delta.from else {
            throw PullError.badArchive(file: file, reason: "applies to \(delta.from), folder holds \(held.version)")
        }
        for skill in delta.removed + delta.carried + Array(delta.checksums.keys) {
            try ArchiveSafety.checkNameOrThrow(skill, file: file)
        }
        try checkTwins(delta, held: held, file: file)
        let carried = Set(delta.carried.map(ExactPath.init))
        let skip: Set<ExactPath> = [ExactPath(DeltaManifest.fileName), ExactPath(PackIndex.fileName)]
        for entry in reader.entries where !skip.contains(ExactPath(entry.name)) {
            let parts = entry.name.split(separator: "/", maxSplits: 2)
            guard parts.count == 3, carried.contains(ExactPath(parts[0] + "/" + parts[1])) else {
                throw PullError.badArchive(
                    file: file, reason: "entry \(ArchiveSafety.visible(entry.name)) is not in a carried skill")
            }
        }
        for skill in delta.removed + delta.carried {
            TreeLinker.remove(staging.appendingPathComponent(skill))
        }
        try TreeExtractor.extract(reader, into: staging, file: file) { !skip.contains(ExactPath($0.name)) }
        let rebuilt = try rebuild(delta, held: held, staging: staging, file: file)
        return Applied(delta: delta, rebuilt: rebuilt, rebuiltIndex: try JSONWriter.data(rebuilt))
    }

    /// Refuses a skill the delta names that differs from another (held or named) only in case or
    /// Unicode normalisation: on disk they are two folders, so "removing" one and writing the
    /// other would leave the held one (and its hard links) in place.
    private static func checkTwins(_ delta: DeltaManifest, held: PackIndex, file: String) throws {
        var folded: [String: String] = [:]
        for skill in held.skills { folded[skill.path.lowercased()] = skill.path }
        for name in delta.removed + delta.carried + delta.checksums.keys.sorted() {
            // Dictionary keys compare by canonical equivalence: NFC/NFD twins meet here.
            if let other = folded.updateValue(name, forKey: name.lowercased()),
                !other.unicodeScalars.elementsEqual(name.unicodeScalars)
            {
                throw PullError.badArchive(
                    file: file,
                    reason: "skill \(ArchiveSafety.visible(name)) differs only in case or Unicode normalisation "
                        + "from \(ArchiveSafety.visible(other))")
            }
        }
    }

    /// The `to` pack index: unchanged skills from the held index, carried ones from the tree.
    private static func rebuild(_ delta: DeltaManifest, held: PackIndex, staging: URL, file: String) throws -> PackIndex {
        let previous = Dictionary(held.skills.map { (ExactPath($0.path), $0) }, uniquingKeysWith: { first, _ in first })
        let carried = Set(delta.carried.map(ExactPath.init))
        let paths = delta.checksums.keys.sorted { ($0 + "/").utf8.lexicographicallyPrecedes(($1 + "/").utf8) }
        var skills: [PackIndex.Skill] = []
        for path in paths {
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count == 2, let checksum = delta.checksums[path] else {
                throw PullError.badArchive(file: file, reason: "bad skill name \(path) in \(DeltaManifest.fileName)")
            }
            if !carried.contains(ExactPath(path)), let kept = previous[ExactPath(path)] {
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
        return PackIndex(version: delta.to, createdAt: delta.createdAt ?? "", skills: skills)
    }
}

extension ArchiveSafety {
    /// `checkName` with the error mapped to a pull error naming `file`.
    static func checkNameOrThrow(_ name: String, file: String) throws {
        do { try checkName(name) } catch { throw PullError.badArchive(file: file, reason: error.description) }
    }
}
