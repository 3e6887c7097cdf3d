public import Foundation

/// The files of `dist/` to publish, hashed, with `index.json` checked against them.
public struct DistContents: Sendable {
    /// One local file and where it goes.
    public struct Item: Sendable, Equatable {
        /// Key relative to the storage root (`deltas/skills-delta-1.0.0-to-1.1.0.zip`).
        public var key: String
        /// The file on disk.
        public var file: URL
        /// Size in bytes.
        public var size: Int64
        /// Lowercase hex SHA-256.
        public var sha256: String
    }

    /// Every file, sorted by key; `index.json` included.
    public var items: [Item]
    /// The parsed `index.json`.
    public var index: DistIndex

    /// The key every consumer reads first; always uploaded last.
    public static let indexKey = "index.json"

    /// Reads and hashes `dist`; throws one line when `index.json` is missing, malformed, or
    /// names a file that is absent or differs from what it records.
    public static func read(_ dist: URL) throws(StorageError) -> DistContents {
        let indexURL = dist.appendingPathComponent(indexKey)
        guard let indexData = try? Data(contentsOf: indexURL) else {
            throw .configuration("\(indexURL.path) not found; run `skillex package` first")
        }
        let index: DistIndex
        do { index = try DistIndex.decode(indexData, label: indexURL.path) } catch {
            throw .configuration(ErrorText.brief(error))
        }
        let files = regularFiles(in: dist)
        let hashed = ParallelMap.map(files) { url -> Item? in
            var hasher = SHA256Hasher()
            var size: Int64 = 0
            do {
                try FileBytes.forEachChunk(of: url) { chunk in
                    hasher.update(chunk)
                    size += Int64(chunk.count)
                }
            } catch { return nil }
            let key = String(url.standardizedFileURL.path.dropFirst(dist.standardizedFileURL.path.count + 1))
            return Item(key: key, file: url, size: size, sha256: Digest.hex(hasher.finalize()))
        }
        var items: [Item] = []
        for (url, item) in zip(files, hashed) {
            guard let item else { throw .local("\(url.path): cannot be read") }
            items.append(item)
        }
        items.sort { $0.key < $1.key }
        let byKey = Dictionary(items.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for entry in index.files {
            guard let item = byKey[entry.file] else {
                throw .configuration("\(indexURL.path) names \(entry.file) but dist/ does not have it")
            }
            if item.size != entry.size || item.sha256 != entry.sha256.lowercased() {
                throw .configuration("\(indexURL.path): \(entry.file) differs from the size or SHA-256 the index records")
            }
        }
        return DistContents(items: items, index: index)
    }

    /// Regular files below `folder`, skipping hidden and temporary files.
    static func regularFiles(in folder: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey],
            options: [.skipsHiddenFiles])
        else { return [] }
        var out: [URL] = []
        for case let url as URL in enumerator {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                out.append(url.standardizedFileURL)
            }
        }
        return out.sorted { $0.path < $1.path }
    }
}
