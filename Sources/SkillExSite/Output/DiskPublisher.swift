public import Foundation
public import SkillEx

/// Writes the site into a folder, skipping pages whose bytes did not change since the last
/// build (content hashes in `.skillex/site-hashes.json`); each file is replaced atomically.
public struct DiskPublisher: Publisher {
    /// The site folder (`public/`).
    public var folder: URL
    /// The hash record (`.skillex/site-hashes.json`).
    public var hashesURL: URL

    /// A publisher writing into `folder`, recording hashes at `hashesURL`.
    public init(folder: URL, hashesURL: URL) {
        self.folder = folder
        self.hashesURL = hashesURL
    }

    /// Fingerprints of pages that are still on disk.
    public func publishedKeys() -> [String: String] {
        loadRecords().compactMapValues(\.key)
    }

    /// Writes changed pages (both cores), removes pages that are gone, then records the hashes.
    public func publish(_ pages: [RenderedPage], kept: [String]) throws -> PublishSummary {
        let previous = loadRecords()
        let folder = self.folder
        let outcomes = ParallelMap.map(pages) { page -> Result<(String, Bool), PublishError> in
            let hash = Digest.sha256Hex(page.bytes)
            let url = folder.appendingPathComponent(page.path)
            if previous[page.path]?.hash == hash, FileManager.default.fileExists(atPath: url.path) {
                return .success((hash, false))
            }
            do { try AtomicFile.write(page.bytes, to: url) } catch {
                return .failure(PublishError(path: url.path, reason: ErrorText.brief(error)))
            }
            return .success((hash, true))
        }
        var summary = PublishSummary()
        var records: [String: PageRecord] = [:]
        for path in kept { if let old = previous[path] { records[path] = old; summary.unchanged += 1 } }
        for (page, outcome) in zip(pages, outcomes) {
            let (hash, written) = try outcome.get()
            records[page.path] = PageRecord(hash: hash, key: page.key)
            if written { summary.written.append(page.path) } else { summary.unchanged += 1 }
        }
        for path in previous.keys.sorted() where records[path] == nil {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(path))
            summary.removed.append(path)
        }
        do { try AtomicFile.write(try JSONWriter.data(records), to: hashesURL) } catch {
            throw PublishError(path: hashesURL.path, reason: ErrorText.brief(error))
        }
        return summary
    }

    /// The last build's records, minus pages someone deleted from the folder since.
    private func loadRecords() -> [String: PageRecord] {
        guard let data = try? Data(contentsOf: hashesURL),
            let records = try? JSONDecoder().decode([String: PageRecord].self, from: data)
        else { return [:] }
        return records.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0.key).path) }
    }
}

/// A site file that could not be written.
public struct PublishError: DescribedError, Equatable {
    /// The file.
    public var path: String
    /// Why.
    public var reason: String
    /// One line naming the file and the problem.
    public var description: String { "\(path): cannot write: \(reason)" }
}
