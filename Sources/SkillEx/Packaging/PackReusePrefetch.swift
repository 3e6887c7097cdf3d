import Foundation

/// The previous pack opened on another core ahead of packing (`PackReuse.prefetch`). It is
/// handed over once, and only while `dist/index.json` and the pack file have the identities
/// (device, inode, size, times) they had before they were read; otherwise the packer opens the
/// pack itself, so a prefetch never changes what is packed.
enum PackReusePrefetch {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var pending: [String: Opening] = [:]

    /// One pack being opened.
    private final class Opening: @unchecked Sendable {
        var work: ClaimedWork?
        /// Written by the work, read only after waiting for it.
        var reuse: PackReuse?
        var identities: [FileIdentity?] = []
    }

    static func start(dist: URL) {
        // The index's checksums are read once, for this and for `PackCurrency.latest`.
        PackCurrency.prefetchIndex(dist: dist)
        let opening = Opening()
        opening.work = ClaimedWork {
            let before = identities(dist)
            let reuse = PackReuse.open(dist: dist, keepChecksums: true)
            if before == identities(dist) { (opening.identities, opening.reuse) = (before, reuse) }
        }
        lock.withLock { pending[dist.path] = opening }
    }

    /// Waits until the opening started for `dist` is done, leaving it to be taken.
    static func settle(dist: URL) {
        let opening = lock.withLock { pending[dist.path] }
        opening?.work?.wait()
    }

    /// The pack opened ahead for `dist`, when one was and its files are unchanged since.
    static func take(dist: URL) -> PackReuse? {
        guard let opening = lock.withLock({ pending.removeValue(forKey: dist.path) }) else { return nil }
        opening.work?.wait()
        guard let reuse = opening.reuse, !opening.identities.isEmpty, opening.identities == identities(dist) else {
            return nil
        }
        return reuse
    }

    /// The identities of `dist/index.json` and of the pack file its latest version names (nil
    /// for a file that is missing).
    private static func identities(_ dist: URL) -> [FileIdentity?] {
        let history = FileIdentity(path: dist.appendingPathComponent(DistIndex.fileName).path)
        guard let latest = PackCurrency.locate(dist: dist) else { return [history] }
        return [history, FileIdentity(path: latest.pack.path), FileIdentity(path: latest.index.path)]
    }
}
