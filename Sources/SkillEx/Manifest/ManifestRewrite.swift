import Foundation

/// Saving a manifest that differs from the one loaded only in `generated_at` (every build where
/// nothing changed) without encoding it again: the bytes loaded, with the new time patched in.
///
/// That gives the bytes `ManifestStore.encode` would write only when the loaded bytes are
/// themselves SkillEx's encoding of the loaded manifest. SkillEx records that after each save
/// (`WriteStamp`, in `.skillex/manifest-written` beside it): a loaded file whose identity is still
/// the recorded one, read by the same SkillEx version, is the file SkillEx wrote. A file edited,
/// copied or replaced since has another identity and is encoded as usual.
enum ManifestRewrite {
    /// What `ManifestStore.load` read last.
    private struct Loaded {
        var bytes: Data
        var manifest: Manifest
        /// Each skill entry's byte range in `bytes`, when known.
        var spans: [Range<Int>]?
    }

    private static let memory = WrittenFileMemory<Loaded> {
        ((($0 as NSString).deletingLastPathComponent) as NSString).appendingPathComponent(".skillex/manifest-written")
    }

    /// Remembers the manifest `bytes` read from `path` decoded to `manifest`, when SkillEx wrote
    /// that file as it is now.
    static func remember(path: String, bytes: Data, manifest: Manifest, spans: [Range<Int>]? = nil) {
        memory.remember(
            path: path,
            manifest.version == Manifest.currentVersion ? Loaded(bytes: bytes, manifest: manifest, spans: spans) : nil)
    }

    /// The loaded file's skill entries with their bytes, when the file at `path` is still the
    /// one loaded (and SkillEx wrote it): `ManifestStore.encode` copies the unchanged ones.
    static func writtenEntries(path: String) -> WrittenEntries<SkillEntry>? {
        guard let last = memory.value(path: path), let spans = last.spans else { return nil }
        return WrittenEntries(bytes: last.bytes, spans: spans, items: last.manifest.skills)
    }

    /// The bytes to save for `manifest` at `path` when it is the loaded manifest with another
    /// `generated_at` and the file is still the one loaded; nil otherwise.
    static func patched(_ manifest: Manifest, path: String) -> Data? {
        guard let last = memory.value(path: path), let old = last.manifest.generatedAt,
            let new = manifest.generatedAt, isPlain(old), isPlain(new)
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

    /// True when `manifest` is the one loaded from `path` and the file is still the one loaded
    /// (SkillEx wrote it): saving would write the bytes it already holds.
    static func isUnchanged(_ manifest: Manifest, path: String) -> Bool {
        guard let last = memory.value(path: path) else { return false }
        return manifest == last.manifest
    }

    /// Records that SkillEx just wrote the manifest at `path` (best effort: without the record
    /// the next save encodes the manifest in full).
    static func noteWritten(path: String) { memory.noteWritten(path: path) }

    /// Forgets what was loaded and the record of the last write (a save that wrote other bytes).
    static func forget(path: String) { memory.forget(path: path) }

    /// True for a time stamp that JSON writes as is (no escapes, no multi-byte characters).
    private static func isPlain(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }
}
