public import Foundation

/// Brings a folder up to a source's latest pack version: plans the cheapest route, fetches and
/// verifies every file, builds the new tree beside the target and swaps it in atomically.
public struct Puller: Sendable {
    /// Where packs come from.
    public var source: any PackSource
    /// What one archive may unpack to.
    public var limits: ArchiveLimits

    /// A puller reading from `source`, refusing archives beyond `limits`.
    public init(source: any PackSource, limits: ArchiveLimits = .standard) {
        self.source = source
        self.limits = limits
    }

    /// Updates `target`; on any error the target is exactly as it was.
    public func pull(into target: URL) async throws -> PullResult {
        var fetched: [PullResult.FetchedFile] = []
        let indexData = try await fetch(DistIndex.fileName, into: &fetched)
        let indexLabel = source.location + "/" + DistIndex.fileName
        let index = try DistIndex.decode(indexData, label: indexLabel)
        guard let latest = index.latest else {
            throw PullError.badSource(location: indexLabel, reason: "lists no versions")
        }
        guard index.entry(latest) != nil else {
            throw PullError.badSource(location: indexLabel, reason: "latest is \(latest), but no version entry is")
        }
        let held = try heldIndex(of: target)
        let current = held?.version
        var result = PullResult(
            status: .upToDate, source: source.location, target: target.path, from: current, to: latest,
            route: "none", files: [], bytesFetched: 0, skills: 0)
        guard let plan = PullPlan.make(index: index, current: current) else {
            result.skills = held?.skills.count ?? 0
            result.files = fetched
            result.bytesFetched = fetched.reduce(0) { $0 + $1.bytes }
            return result
        }
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).pull-\(UUID().uuidString)")
        defer { TreeLinker.remove(staging) }
        var carriedBy: [String: String] = [:]
        // The pack index the staging folder holds after each step (decoded once, not re-read);
        // before the first, the target's own, which a delta's staging copy starts from.
        var staged = held
        for step in plan.steps {
            switch step {
            case .full(_, let pack):
                let reader = try await open(pack.file, sha256: pack.sha256, size: pack.size, into: &fetched)
                let declared = try DeclaredEntries.check(reader, file: pack.file)
                try? fm.removeItem(at: staging)
                try fm.createDirectory(at: staging, withIntermediateDirectories: true)
                try TreeExtractor.extract(reader, into: staging, file: pack.file)
                carriedBy = [:]
                for skill in declared.skills { carriedBy[skill.path] = pack.file }
                staged = declared
            case .delta(let delta, let version):
                if !fm.fileExists(atPath: staging.path) { try TreeLinker.link(target, to: staging) }
                let reader = try await open(delta.file, sha256: delta.sha256, size: delta.size, into: &fetched)
                let applied = try DeltaApplier.apply(reader, file: delta.file, to: staging, held: staged)
                staged = try await installIndex(
                    applied, version: version, from: index, in: staging, file: delta.file, into: &fetched)
                for skill in applied.delta.carried { carriedBy[skill] = delta.file }
            }
        }
        guard let pack = staged else { throw PullError.badArchive(file: source.location, reason: "route has no steps") }
        guard pack.version == latest else {
            throw PullError.badArchive(file: source.location, reason: "route ended at \(pack.version), not \(latest)")
        }
        try verify(pack, in: staging, carriedBy: carriedBy, target: target)
        try swap(staging, into: target)
        result.status = .updated
        result.route = plan.steps.contains { if case .full = $0 { true } else { false } } ? "full" : "delta"
        result.files = fetched
        result.bytesFetched = fetched.reduce(0) { $0 + $1.bytes }
        result.skills = pack.skills.count
        return result
    }

    // MARK: - Steps

    private func fetch(_ file: String, into fetched: inout [PullResult.FetchedFile]) async throws -> Data {
        let data = try await source.fetch(file)
        fetched.append(.init(file: file, bytes: Int64(data.count)))
        return data
    }

    private func open(
        _ file: String, sha256: String, size: Int64, into fetched: inout [PullResult.FetchedFile]
    ) async throws -> ZipReader {
        let data = try await fetch(file, into: &fetched)
        try Self.checkDigest(data, file: file, sha256: sha256, size: size)
        do {
            let reader = try ZipReader(data: data, label: file, checkCount: limits.checkCount)
            try ArchiveSafety.check(reader.entries)
            try limits.check(reader.entries, archiveBytes: UInt64(data.count))
            return reader
        } catch { throw PullError.badArchive(file: file, reason: error.description) }
    }

    /// Throws when `data` is not the `size` bytes with SHA-256 `sha256` that `index.json` names;
    /// a wrong size is reported as such (before hashing).
    private static func checkDigest(_ data: Data, file: String, sha256: String, size: Int64) throws {
        guard Int64(data.count) == size else {
            throw PullError.sizeMismatch(file: file, expected: size, actual: Int64(data.count))
        }
        let actual = Digest.sha256Hex(data)
        guard actual == sha256 else { throw PullError.digestMismatch(file: file, expected: sha256, actual: actual) }
    }

    /// Writes the `version` pack index: the rebuilt one when it matches `index.json`'s SHA-256,
    /// else the published `skills-pack-<version>.json` (fetched and checked); returns it.
    private func installIndex(
        _ applied: DeltaApplier.Applied, version: String, from index: DistIndex, in staging: URL, file: String,
        into fetched: inout [PullResult.FetchedFile]
    ) async throws -> PackIndex {
        guard let expected = index.entry(version)?.index else {
            throw PullError.badSource(location: source.location, reason: "index.json has no entry for \(version)")
        }
        var data = applied.rebuiltIndex
        if Digest.sha256Hex(data) != expected.sha256 {
            data = try await fetch(expected.file, into: &fetched)
            try Self.checkDigest(data, file: expected.file, sha256: expected.sha256, size: expected.size)
        }
        guard let pack = try? PackIndex.decode(data), pack.version == version,
            pack.checksums == applied.delta.checksums
        else {
            throw PullError.badArchive(
                file: file, reason: "pack index of \(version) disagrees with \(DeltaManifest.fileName)")
        }
        // The carried skills' files, sizes and execute bits must be the ones the index declares.
        func byPath(_ skills: [PackIndex.Skill]) -> [ExactPath: PackIndex.Skill] {
            Dictionary(skills.map { (ExactPath($0.path), $0) }, uniquingKeysWith: { first, _ in first })
        }
        let rebuilt = byPath(applied.rebuilt.skills), published = byPath(pack.skills)
        for path in applied.delta.carried {
            guard let declared = published[ExactPath(path)], rebuilt[ExactPath(path)] == declared else {
                throw PullError.badArchive(
                    file: file,
                    reason: "skill \(ArchiveSafety.visible(path)) holds files, sizes or execute bits "
                        + "\(expected.file) does not declare")
            }
        }
        try AtomicFile.write(data, to: staging.appendingPathComponent(PackIndex.fileName))
        return pack
    }

    /// The pack index `target` holds; nil for a missing or empty folder.
    private func heldIndex(of target: URL) throws -> PackIndex? {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: target.path, isDirectory: &isFolder) else { return nil }
        guard isFolder.boolValue else { throw PullError.badTarget(path: target.path, reason: "is not a folder") }
        if let pack = try PackIndexFile.read(in: target) { return pack }
        let contents = (try? fm.contentsOfDirectory(atPath: target.path)) ?? []
        guard contents.isEmpty else {
            throw PullError.badTarget(
                path: target.path, reason: "not empty and holds no \(PackIndex.fileName); refusing to replace it")
        }
        return nil
    }

    /// Every skill of the final index must match its checksum; the error names the file that
    /// carried the skill (or the target's own copy).
    private func verify(_ pack: PackIndex, in staging: URL, carriedBy: [String: String], target: URL) throws {
        for skill in pack.skills {
            let file = carriedBy[skill.path] ?? PackIndex.fileName
            try ArchiveSafety.checkNameOrThrow(skill.path, file: file)
            if skill.repo.contains("/") || skill.skill.contains("/") {
                throw PullError.badArchive(file: file, reason: "bad skill name \(skill.path)")
            }
        }
        let outcomes = ParallelMap.map(pack.skills) { skill -> PullError? in
            let folder = staging.appendingPathComponent(skill.repo).appendingPathComponent(skill.skill)
            let actual = (try? SkillChecksum.compute(folder: folder)) ?? "missing"
            guard actual != skill.checksum else { return nil }
            let file = carriedBy[skill.path] ?? target.appendingPathComponent(skill.path).path
            return .skillMismatch(skill: skill.path, file: file, expected: skill.checksum, actual: actual)
        }
        if let failure = outcomes.compactMap({ $0 }).first { throw failure }
    }

    private func swap(_ staging: URL, into target: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: target.path) else {
            try AtomicFile.replace(target, with: staging)
            return
        }
        let aside = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).old-\(UUID().uuidString)")
        try AtomicFile.replace(aside, with: target)
        do { try AtomicFile.replace(target, with: staging) } catch {
            try? AtomicFile.replace(target, with: aside)
            throw error
        }
        TreeLinker.remove(aside)
    }
}
