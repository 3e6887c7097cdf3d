import Foundation
import SkillEx

/// Writing one page: during rendering (`storeEarly`, so the build holds records, not every
/// page's bytes) or, for pages not stored then, in `publish`.
extension DiskPublisher {
    /// Writes `page` now unless the file already holds its bytes; returns it without them.
    public func storeEarly(_ page: RenderedPage) throws -> RenderedPage {
        let (hash, written) = try Self.store(page, in: folder, previous: loadRecords()[page.path]).get()
        var stored = page
        stored.bytes = Data()
        stored.stored = StoredPage(hash: hash, written: written)
        return stored
    }

    /// Writes `page` into `folder` (atomically, or straight into a new file) unless the file
    /// recorded as `previous` is there with the same bytes: its hash and whether it was written.
    static func store(_ page: RenderedPage, in folder: URL, previous: PageRecord?) -> Result<(String, Bool), PublishError> {
        let site = folder.path
        if let linked = page.linkedFile { return store(linked, at: site + "/" + page.path, site: site, previous: previous) }
        let hash = Digest.sha256Hex(page.bytes)
        let path = site + "/" + page.path
        if previous?.hash == hash, access(path, F_OK) == 0 {
            return .success((hash, false))
        }
        if previous == nil, writeNew(page.bytes, to: path, site: site) {
            return .success((hash, true))
        }
        if let reason = writeAtomically(page.bytes, to: path, site: site) {
            return .failure(PublishError(path: path, reason: reason))
        }
        return .success((hash, true))
    }

    /// Publishes `linked` at `path` as a hard link to it (no bytes read or written; a pack is
    /// never changed in place, each version is a new file), or as a copy where linking fails
    /// (another file system).
    private static func store(
        _ linked: LinkedFile, at path: String, site: String, previous: PageRecord?
    ) -> Result<(String, Bool), PublishError> {
        if previous?.hash == linked.sha256, access(path, F_OK) == 0 { return .success((linked.sha256, false)) }
        // Already this very file (a build killed before it recorded the page): nothing to do, and
        // `rename` would do nothing either, leaving its temp name behind.
        var source = stat(), target = stat()
        if stat(linked.path, &source) == 0, lstat(path, &target) == 0, source.st_dev == target.st_dev,
            source.st_ino == target.st_ino
        {
            return .success((linked.sha256, false))
        }
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let temp = String(path[..<slash]) + "." + String(path[slash...]) + ".tmp-\(UUID().uuidString)"
        var linkedNow = link(linked.path, temp) == 0
        if !linkedNow, errno == ENOENT {
            makeFolders(String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]), site: site)
            linkedNow = link(linked.path, temp) == 0
        }
        if linkedNow {
            guard rename(temp, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temp)
                return .failure(PublishError(path: path, reason: reason))
            }
            unlink(temp)  // left only when `path` already was this file (rename then does nothing)
            return .success((linked.sha256, true))
        }
        let bytes: Data
        do { bytes = try linked.read() } catch {
            return .failure(PublishError(path: path, reason: ErrorText.brief(error)))
        }
        if let reason = writeAtomically(bytes, to: path, site: site) { return .failure(PublishError(path: path, reason: reason)) }
        return .success((Digest.sha256Hex(bytes), true))
    }
}
