import Foundation

/// Reads the `skillex-pack.json` of a pulled folder.
enum PackIndexFile {
    /// The folder's pack index, or nil when it has none.
    static func read(in folder: URL) throws -> PackIndex? {
        let url = folder.appendingPathComponent(PackIndex.fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do { return try PackIndex.decode(Data(contentsOf: url)) } catch {
            throw PullError.badTarget(path: url.path, reason: "unreadable pack index: \(ErrorText.decoding(error))")
        }
    }

    /// The folder's pack index; its absence is an error naming `file`, which should have held it.
    static func require(in folder: URL, file: String) throws -> PackIndex {
        guard let index = try read(in: folder) else {
            throw PullError.badArchive(file: file, reason: "no \(PackIndex.fileName)")
        }
        return index
    }
}
