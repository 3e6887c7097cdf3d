public import Foundation

/// Writes a reproducible ZIP of skills plus a few generated files, atomically: entries sorted by
/// path bytes, deflated on every core in bounded batches, each skill's checksum verified against
/// the manifest from the same read.
public enum PackWriter {
    /// Input bytes compressed per batch; bounds memory to about twice this.
    static let batchBytes: Int64 = 48 << 20

    /// Writes `skills` and `extras` (name → bytes) to `url`; returns the file's size and SHA-256.
    /// Entries of skills that `reuse` (the previous pack) holds unchanged are copied from it.
    public static func write(
        skills: [SelectedSkill], extras: [String: Data], to url: URL, timestamp: DOSTimestamp
    ) throws -> (size: Int64, sha256: String) {
        try write(skills: skills, extras: extras, to: url, timestamp: timestamp, reuse: nil)
    }

    static func write(
        skills: [SelectedSkill], extras: [String: Data], to url: URL, timestamp: DOSTimestamp, reuse: PackReuse?
    ) throws -> (size: Int64, sha256: String) {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)")
        do {
            let writer = try ZipWriter(url: temp, timestamp: timestamp, hashBeside: true)
            for batch in batches(units(skills: skills, extras: extras)) {
                let compressed = ParallelMap.map(batch) { unit in Result { try compress(unit, reuse: reuse) } }
                for result in compressed {
                    for entry in try result.get() { try writer.add(entry) }
                }
            }
            let digest = try writer.finish()
            try AtomicFile.flush(temp)
            try AtomicFile.replace(url, with: temp, durable: true)
            return (Int64(writer.size), digest)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            // Name the pack the user asked for, not the temp file that is gone now.
            if !(error is any DescribedError) {
                let system = error as NSError
                if system.domain == NSPOSIXErrorDomain {
                    throw PackagingError.unwritable(path: url.path, reason: String(cString: strerror(Int32(system.code))))
                }
            }
            throw error
        }
    }

    // MARK: - Units of work

    private enum Unit: Sendable {
        case skill(SelectedSkill)
        case file(String, Data)

        var key: String {
            switch self {
            case .skill(let skill): skill.path + "/"
            case .file(let name, _): name
            }
        }

        var bytes: Int64 {
            switch self {
            case .skill(let skill): skill.files.reduce(0) { $0 + $1.size }
            case .file(_, let data): Int64(data.count)
            }
        }
    }

    private static func units(skills: [SelectedSkill], extras: [String: Data]) -> [Unit] {
        let all = skills.map(Unit.skill) + extras.map { Unit.file($0.key, $0.value) }
        return all.sorted { UTF8Order.precedes($0.key, $1.key) }
    }

    private static func batches(_ units: [Unit]) -> [[Unit]] {
        var result: [[Unit]] = []
        var current: [Unit] = []
        var size: Int64 = 0
        for unit in units {
            if !current.isEmpty && size + unit.bytes > batchBytes {
                result.append(current)
                current = []
                size = 0
            }
            current.append(unit)
            size += unit.bytes
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private static func compress(_ unit: Unit, reuse: PackReuse?) throws -> [CompressedEntry] {
        switch unit {
        case .file(let name, let data):
            return [try ZipCompressor.entry(name: name, bytes: data, permissions: 0o644)]
        case .skill(let skill):
            if let copied = reuse?.entries(of: skill) { return copied }
            let deflater = try Deflater()
            let previous = reuse.flatMap { $0.holds(skill) ? $0 : nil }
            var hasher = SHA256Hasher()
            var entries: [CompressedEntry] = []
            for (file, executable) in zip(skill.files, skill.executable) {
                let data = try read(file)
                hasher.update(file.relativePath)
                hasher.update(data)
                let name = skill.path + "/" + file.relativePath
                let permissions: UInt16 = executable ? 0o755 : 0o644
                if let copied = previous?.entry(name: name, bytes: data, permissions: permissions) {
                    entries.append(copied)
                } else {
                    entries.append(try deflater.entry(name: name, bytes: data, permissions: permissions))
                }
            }
            let actual = Digest.hex(hasher.finalize())
            guard actual == skill.checksum else {
                throw PackagingError.checksumMismatch(
                    skill: skill.path, path: skill.folder.path, expected: skill.checksum, actual: actual)
            }
            return entries
        }
    }

    private static func read(_ file: SkillFile) throws -> Data {
        var data = Data()
        data.reserveCapacity(Int(file.size))
        try FileBytes.forEachChunk(path: file.path) { chunk in data.append(contentsOf: chunk) }
        guard Int64(data.count) == file.size else {
            throw PackagingError.changedWhilePacking(path: file.path)
        }
        return data
    }
}
