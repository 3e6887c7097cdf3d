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
        let hash = Digest.sha256Hex(page.bytes)
        let path = folder.path + "/" + page.path
        if previous?.hash == hash, access(path, F_OK) == 0 {
            return .success((hash, false))
        }
        if previous == nil, writeNew(page.bytes, to: path) {
            return .success((hash, true))
        }
        if let reason = writeAtomically(page.bytes, to: path) {
            return .failure(PublishError(path: path, reason: reason))
        }
        return .success((hash, true))
    }
}
