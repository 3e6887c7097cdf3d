import Foundation

/// A note, in `.skillex/pack-checksums`, of what the latest pack index holds: the index file's
/// name and identity (device, inode, size, times) when it was read or written, and one digest of
/// its skills' checksums. A build that changed nothing compares the admitted skills' digest with
/// it instead of decoding the index (560 KB at 1,000 skills); an index whose identity differs
/// from the note's is decoded as before, so a note can only save work, never change an outcome.
enum PackChecksumNote {
    /// The note's file in `workspace`.
    static func url(_ workspace: Workspace) -> URL { workspace.stateURL.appendingPathComponent("pack-checksums") }

    /// One digest of `checksums` (`repo/skill` → checksum), independent of dictionary order.
    static func digest(_ checksums: [String: String]) -> String {
        var hasher = SHA256Hasher()
        hasher.update("pack-checksums 1\n")
        for key in checksums.keys.sorted(by: UTF8Order.precedes) {
            let checksum = checksums[key] ?? ""
            // Each string after its byte length: no two maps give the same stream.
            hasher.update("\(key.utf8.count):\(key)\(checksum.utf8.count):\(checksum)")
        }
        return Digest.hex(hasher.finalize())
    }

    /// Notes that the pack index at `index` holds `checksums` (best effort: without a note the
    /// next build decodes the index).
    static func record(index: URL, checksums: [String: String], workspace: Workspace) {
        let note = url(workspace)
        guard let identity = FileIdentity(path: index.path),
            FileManager.default.fileExists(atPath: workspace.stateURL.path)
        else {
            unlink(note.path)
            return
        }
        let text = identity.line + index.lastPathComponent + "\n" + digest(checksums) + "\n"
        if (try? AtomicFile.write(Data(text.utf8), to: note, durable: false)) == nil { unlink(note.path) }
    }

    /// The noted digest of the checksums in the pack index at `index`, when the note describes
    /// that very file (same name and identity).
    static func digest(index: URL, workspace: Workspace) -> String? {
        guard let data = FileManager.default.contents(atPath: url(workspace).path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 4, lines[3].isEmpty, lines[1] == index.lastPathComponent, lines[2].utf8.count == 64,
            let noted = FileIdentity(line: String(lines[0])), FileIdentity(path: index.path) == noted
        else { return nil }
        return String(lines[2])
    }
}
