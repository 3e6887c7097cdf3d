public import Foundation

/// A local (or mounted network) folder used as storage; writes are atomic renames.
public final class FolderStorage: Storage {
    /// The folder objects live in.
    public let root: URL
    /// Requests (file operations) and bytes moved.
    public let stats = TransferStats()

    /// A storage rooted at `root` (created on first write).
    public init(root: URL) { self.root = root.standardizedFileURL }

    /// The folder path.
    public var location: String { root.path }

    /// The file for `key`; throws when the key would leave the folder.
    func file(_ key: String) throws -> URL {
        let parts = key.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.isEmpty, !key.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0 == "." }) else {
            throw StorageError.configuration("key '\(key)' is not a relative path inside \(root.path)")
        }
        return parts.reduce(root) { $0.appendingPathComponent(String($1)) }
    }

    /// Copies `file` to a temp name beside the key, then renames it into place.
    public func put(key: String, file source: URL, size: Int64, sha256: String, contentType: String) async throws {
        let destination = try file(key)
        let folder = destination.deletingLastPathComponent()
        let temp = folder.appendingPathComponent(".\(destination.lastPathComponent).tmp-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var hasher = SHA256Hasher()
            try FileBytes.copy(source, to: temp) { hasher.update($0) }
            guard Digest.hex(hasher.finalize()) == sha256 else {
                throw StorageError.integrity("\(source.path) changed while it was being published")
            }
            try AtomicFile.flush(temp)
            try AtomicFile.replace(destination, with: temp, durable: true)
        } catch let error as StorageError {
            try? FileManager.default.removeItem(at: temp)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw StorageError.local("\(destination.path): \(ErrorText.brief(error))")
        }
        stats.record {
            $0.requests += 1
            $0.uploads += 1
            $0.bytesSent += size
        }
    }

    /// The file's bytes.
    public func get(key: String) async throws -> Data {
        let url = try file(key)
        guard FileManager.default.fileExists(atPath: url.path) else { throw StorageError.notFound(url.path) }
        do {
            let data = try Data(contentsOf: url)
            stats.record {
                $0.requests += 1
                $0.downloads += 1
                $0.bytesReceived += Int64(data.count)
            }
            return data
        } catch { throw StorageError.local("\(url.path): \(ErrorText.brief(error))") }
    }

    /// Size and SHA-256 (computed by reading the file); nil when absent.
    public func head(key: String) async throws -> StoredObject? {
        let url = try file(key)
        stats.record { $0.requests += 1 }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            attributes[.type] as? FileAttributeType == .typeRegular
        else { return nil }
        var hasher = SHA256Hasher()
        do { try FileBytes.forEachChunk(of: url) { hasher.update($0) } } catch {
            throw StorageError.local("\(url.path): \(ErrorText.brief(error))")
        }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        return StoredObject(key: key, size: size, sha256: Digest.hex(hasher.finalize()))
    }

    /// Every regular file under `prefix` (temp files skipped), sizes only.
    public func list(prefix: String) async throws -> [StoredObject] {
        stats.record { $0.requests += 1 }
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey])
        else { return [] }
        var objects: [StoredObject] = []
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey])
            guard values?.isRegularFile == true, !url.lastPathComponent.hasPrefix(".") else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base) else { continue }
            let key = String(path.dropFirst(base.count))
            if key.hasPrefix(prefix) { objects.append(StoredObject(key: key, size: Int64(values?.fileSize ?? 0))) }
        }
        return objects.sorted { $0.key < $1.key }
    }

    /// Removes the file when present.
    public func delete(key: String) async throws {
        let url = try file(key)
        stats.record { $0.requests += 1 }
        if FileManager.default.fileExists(atPath: url.path) {
            do { try FileManager.default.removeItem(at: url) } catch {
                throw StorageError.local("\(url.path): \(ErrorText.brief(error))")
            }
        }
    }
}
