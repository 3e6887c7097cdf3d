import Foundation

/// Saving a manifest that differs from the one loaded only in `generated_at` (every build where
/// nothing changed) without encoding it again: the bytes loaded, with the new time patched in.
///
/// That gives the bytes `ManifestStore.encode` would write only when the loaded bytes are
/// themselves SkillEx's encoding of the loaded manifest. SkillEx records that after each save:
/// the saved file's identity (device, inode, size, modification and change times) and the
/// SkillEx version go to `.skillex/manifest-written` beside it, and a loaded file whose identity
/// is still that one, read by the same version, is the file SkillEx wrote. A file edited, copied or replaced since has another identity and is
/// encoded as usual.
enum ManifestRewrite {
    /// What `ManifestStore.load` read last.
    private struct Loaded {
        var path: String
        var bytes: Data
        var manifest: Manifest
        var identity: FileIdentity
        /// Each skill entry's byte range in `bytes`, when known.
        var spans: [Range<Int>]?
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var loaded: Loaded?

    /// Remembers the manifest `bytes` read from `path` decoded to `manifest`, when SkillEx wrote
    /// that file as it is now.
    static func remember(path: String, bytes: Data, manifest: Manifest, spans: [Range<Int>]? = nil) {
        guard manifest.version == Manifest.currentVersion, let identity = FileIdentity(path: path),
            identity == stamp(for: path)
        else {
            lock.withLock { loaded = nil }
            return
        }
        lock.withLock {
            loaded = Loaded(path: path, bytes: bytes, manifest: manifest, identity: identity, spans: spans)
        }
    }

    /// The loaded file's skill entries with their bytes, when the file at `path` is still the
    /// one loaded (and SkillEx wrote it): `ManifestStore.encode` copies the unchanged ones.
    static func writtenEntries(path: String) -> WrittenEntries<SkillEntry>? {
        guard let last = lock.withLock({ loaded }), last.path == path, let spans = last.spans,
            FileIdentity(path: path) == last.identity
        else { return nil }
        return WrittenEntries(bytes: last.bytes, spans: spans, items: last.manifest.skills)
    }

    /// The bytes to save for `manifest` at `path` when it is the loaded manifest with another
    /// `generated_at` and the file is still the one loaded; nil otherwise.
    static func patched(_ manifest: Manifest, path: String) -> Data? {
        guard let last = lock.withLock({ loaded }), last.path == path, let old = last.manifest.generatedAt,
            let new = manifest.generatedAt, isPlain(old), isPlain(new), FileIdentity(path: path) == last.identity
        else { return nil }
        var probe = manifest
        probe.generatedAt = old
        probe.version = last.manifest.version
        guard probe == last.manifest else { return nil }
        let key = Array("\n  \"generated_at\": \"".utf8)
        return last.bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Data? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let start = key.withUnsafeBufferPointer({ TextScan.firstOffset(of: $0, in: bytes, from: 0) }) else { return nil }
            let valueStart = start + key.count
            let oldBytes = Array(old.utf8)
            let valueEnd = valueStart + oldBytes.count
            guard valueEnd < bytes.count, bytes[valueEnd] == UInt8(ascii: "\""),
                Array(bytes[valueStart..<valueEnd]) == oldBytes
            else { return nil }
            var out = Data(capacity: bytes.count - oldBytes.count + new.utf8.count)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<valueStart]))
            out.append(contentsOf: Array(new.utf8))
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[valueEnd...]))
            return out
        }
    }

    /// Records that SkillEx just wrote the manifest at `path` (best effort: without the record
    /// the next save encodes the manifest in full).
    static func noteWritten(path: String) {
        WriteStamp.record(path, stamp: stampPath(for: path))
    }

    /// Forgets what was loaded and the record of the last write (a save that wrote other bytes).
    static func forget(path: String) {
        lock.withLock { loaded = nil }
        unlink(stampPath(for: path))
    }

    /// The recorded identity of the manifest SkillEx last wrote at `path`.
    /// The recorded identity of the manifest SkillEx last wrote at `path`.
    private static func stamp(for path: String) -> FileIdentity? {
        WriteStamp.recorded(stamp: stampPath(for: path))
    }

    private static func stampPath(for path: String) -> String {
        ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(".skillex/manifest-written")
    }

    /// True for a time stamp that JSON writes as is (no escapes, no multi-byte characters).
    private static func isPlain(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }
}

/// What tells one file apart from another at the same path, and from itself before a write.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }

    init?(line: String) {
        let fields = line.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        guard fields.count == 5, let device = UInt64(fields[0]), let inode = UInt64(fields[1]), let size = Int64(fields[2]),
            let modified = Int64(fields[3]), let changed = Int64(fields[4])
        else { return nil }
        (self.device, self.inode, self.size, self.modified, self.changed) = (device, inode, size, modified, changed)
    }

    /// The record's one line.
    var line: String { "\(device) \(inode) \(size) \(modified) \(changed)\n" }
}
