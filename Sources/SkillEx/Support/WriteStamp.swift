import Foundation

/// A record, in a small file of its own, that SkillEx wrote a file: the file's identity right
/// after the write (device, inode, size, modification and change times) and the SkillEx version.
/// A file whose identity still matches, read by the same version, holds exactly the bytes
/// SkillEx's encoder gave, so parts of it can be copied when it is saved again.
enum WriteStamp {
    /// Records the file at `path` as written now (best effort: without the record, the next
    /// save encodes in full).
    static func record(_ path: String, stamp stampPath: String) {
        guard let identity = FileIdentity(path: path) else {
            unlink(stampPath)
            return
        }
        var isFolder: ObjCBool = false
        let folder = (stampPath as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { return }
        let record = identity.line + writerLine
        if (try? AtomicFile.write(Data(record.utf8), to: URL(fileURLWithPath: stampPath), durable: false)) == nil {
            unlink(stampPath)
        }
    }

    /// The identity recorded in `stampPath`, when this SkillEx version wrote the record (a file
    /// another version wrote may be encoded differently).
    static func recorded(stamp stampPath: String) -> FileIdentity? {
        guard let data = FileManager.default.contents(atPath: stampPath) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 3, lines[1] + "\n" == writerLine, lines[2].isEmpty else { return nil }
        return FileIdentity(line: String(lines[0]))
    }

    /// The identity of the file at `path` when it is the one the record in `stampPath` describes.
    static func holds(_ path: String, stamp stampPath: String) -> FileIdentity? {
        guard let identity = FileIdentity(path: path), identity == recorded(stamp: stampPath) else { return nil }
        return identity
    }

    /// The record's second line: which SkillEx wrote the file.
    private static let writerLine = "skillex \(SkillExVersion.current)\n"
}
