import Foundation

/// Applies one checked delta pack to a staged copy of the target folder.
enum DeltaApplier {
    /// Removes the delta's removed and carried skills, writes the carried ones and the new pack
    /// index; returns the carried skills. Refuses entries outside the carried skills.
    static func apply(_ reader: ZipReader, file: String, to staging: URL) throws -> [String] {
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
        for skill in delta.removed + delta.carried {
            try ArchiveSafety.checkNameOrThrow(skill, file: file)
            try? FileManager.default.removeItem(at: staging.appendingPathComponent(skill))
        }
        try TreeExtractor.extract(reader, into: staging, file: file) { $0.name != DeltaManifest.fileName }
        let after = try PackIndexFile.require(in: staging, file: file)
        guard after.version == delta.to, after.checksums == delta.checksums else {
            throw PullError.badArchive(file: file, reason: "pack index disagrees with \(DeltaManifest.fileName)")
        }
        return delta.carried
    }
}

extension ArchiveSafety {
    /// `checkName` with the error mapped to a pull error naming `file`.
    static func checkNameOrThrow(_ name: String, file: String) throws {
        do { try checkName(name) } catch { throw PullError.badArchive(file: file, reason: error.description) }
    }
}
