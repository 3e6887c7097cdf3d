public import Foundation

/// The skill checksum SkillEx v0.1 defined, kept byte-for-byte so migrated hubs see no changes.
///
/// SHA-256 over, for each regular file in ascending byte order of its `/`-separated relative
/// path: the path's UTF-8 bytes, then the file's bytes. Written as lowercase hex.
public enum SkillChecksum {
    /// Computes the checksum of `files` (already in `SkillFiles.list` order) by reading them.
    public static func compute(_ files: [SkillFile]) throws -> String {
        var hasher = SHA256Hasher()
        for file in files {
            hasher.update(file.relativePath)
            try FileBytes.forEachChunk(path: file.path) { hasher.update($0) }
        }
        return Digest.hex(hasher.finalize())
    }

    /// Computes the checksum and returns the bytes of the files `keep` picks, so each file is
    /// read once (files up to 1 MiB are read whole; larger ones stream and are never kept).
    public static func compute(
        _ files: [SkillFile], keeping keep: (SkillFile) -> Bool
    ) throws -> (checksum: String, kept: [String: [UInt8]]) {
        var hasher = SHA256Hasher()
        var kept: [String: [UInt8]] = [:]
        for file in files {
            hasher.update(file.relativePath)
            if file.size <= 1 << 20 {
                let bytes = try FileBytes.readAll(path: file.path, expected: Int(file.size))
                bytes.withUnsafeBytes { hasher.update($0) }
                if keep(file) { kept[file.relativePath] = bytes }
            } else {
                try FileBytes.forEachChunk(path: file.path) { hasher.update($0) }
            }
        }
        return (Digest.hex(hasher.finalize()), kept)
    }

    /// Computes the checksum of the skill folder at `root`.
    public static func compute(folder root: URL) throws -> String {
        try compute(SkillFiles.list(root))
    }
}
