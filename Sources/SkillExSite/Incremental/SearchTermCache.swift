import Foundation
import SkillEx

/// What the search index keeps between builds, in `.skillex/site-search-terms.tsv`: each page's
/// weighted term counts (not its text) by the page's fingerprint, so a rebuild tokenizes only
/// the pages that changed, and the fingerprint of every index file as last planned, so a build
/// whose index input did not change plans the index without reading any page.
///
/// The file: a first line `skillex-search-terms <version><TAB><index key>`, a second with
/// `<path><TAB><key>` pairs (tab-separated) for the index's files, then one line per page:
/// `<page key><TAB><length><TAB><sections>` (`SearchTerms`' encoded form). Another version, or a
/// damaged line, is ignored (those pages are counted again). It is read on first use and written
/// by the publisher with the rest of the site's state (`SiteStateUpdate`), atomically.
final class SearchTermCache: @unchecked Sendable {
    /// The index's file fingerprints as of one input.
    struct Head: Sendable, Equatable {
        /// The fingerprint of the index's input (`SearchDocument.key`).
        var indexKey: String
        /// Each shard's and chunk's path and fingerprint.
        var pages: [SearchIndexModel.PageKey]
    }

    private let url: URL
    private let lock = NSLock()
    private var loaded = false
    private var bytes: [UInt8] = []
    private var storedHead: Head?
    /// Each page's line: where its length and sections start, and where the line ends.
    private var lines: [String: (length: Int, sections: Range<Int>)] = [:]
    private var pending: (head: Head, pages: [(key: String, terms: SearchTerms)], fresh: Int)?

    /// The cache of the workspace whose state folder is `stateFolder`.
    init(stateFolder: URL) {
        url = stateFolder.appendingPathComponent("site-search-terms.tsv")
    }

    /// The first line's expected start.
    private static let magic = "skillex-search-terms \(SearchIndexPlan.version)\t"

    /// The head kept by the last build that changed the index.
    func head() -> Head? {
        lock.withLock {
            loadIfNeeded()
            return storedHead
        }
    }

    /// The counts kept for the page with fingerprint `key`.
    func terms(_ key: String) -> SearchTerms? {
        let kept = lock.withLock { () -> (length: Int, encoded: [UInt8])? in
            loadIfNeeded()
            guard let line = lines[key] else { return nil }
            return (line.length, Array(bytes[line.sections]))
        }
        // Checked outside the lock, so pages are looked up on every core at once.
        return kept.flatMap { SearchTerms(length: $0.length, encoded: $0.encoded) }
    }

    /// Remembers what to write: `head`, and the counts of this build's pages (`fresh` of them
    /// were counted afresh).
    func keep(head: Head, pages: [(key: String, terms: SearchTerms)], fresh: Int) {
        lock.withLock { pending = (head, pages, fresh) }
    }

    /// Writes what `keep` was given, when it differs from the file (best effort: a lost cache
    /// only costs counting again). The text cache of earlier versions goes too.
    func save() {
        lock.lock()
        defer { lock.unlock() }
        guard let pending else { return }
        unlink(url.deletingLastPathComponent().appendingPathComponent("site-search-text.tsv").path)
        loadIfNeeded()
        guard pending.head != storedHead || pending.fresh > 0 || pending.pages.count != lines.count else { return }
        var out = Array((Self.magic + pending.head.indexKey + "\n").utf8)
        out.reserveCapacity(bytes.count + pending.pages.count * 96 + 4096)  // rebuild5: one allocation
        for (i, page) in pending.head.pages.enumerated() {
            out.append(contentsOf: ((i > 0 ? "\t" : "") + page.path + "\t" + page.key).utf8)
        }
        out.append(0x0A)
        var seen = Set<String>()
        seen.reserveCapacity(pending.pages.count)
        for page in pending.pages where seen.insert(page.key).inserted {
            out.append(contentsOf: page.key.utf8)
            out.append(0x09)
            out.append(contentsOf: String(page.terms.length).utf8)
            out.append(0x09)
            out.append(contentsOf: page.terms.encoded)
            out.append(0x0A)
        }
        try? AtomicFile.write(Data(out), to: url, durable: false)
    }

    /// Reads the file once (taking what `prefetch` parsed when the file is unchanged); call
    /// with the lock held.
    private func loadIfNeeded() {
        guard !loaded else { return }
        loaded = true
        let parsed = FilePrefetch.take(url, as: Parsed.self) ?? (try? Data(contentsOf: url)).map(Self.parse)
        guard let parsed else { return }
        (bytes, storedHead, lines) = (parsed.bytes, parsed.head, parsed.lines)
    }

    /// The file's bytes, head and page lines, as read.
    private struct Parsed: Sendable {
        var bytes: [UInt8] = []
        var head: Head?
        var lines: [String: (length: Int, sections: Range<Int>)] = [:]
    }

    /// Starts reading the cache of the workspace whose state folder is `stateFolder` on another
    /// core (a rebuild reads it first thing when it plans the search index).
    static func prefetch(stateFolder: URL) {
        FilePrefetch.start(stateFolder.appendingPathComponent("site-search-terms.tsv"), parse)
    }

    /// The cache file's content; no head and no lines when it is of another version or damaged.
    private static func parse(_ data: Data) -> Parsed {
        var parsed = Parsed(bytes: [UInt8](data))
        let bytes = parsed.bytes
        var rows: [Range<Int>] = []
        var start = 0
        while let end = bytes[start...].firstIndex(of: 0x0A) {
            rows.append(start..<end)
            start = end + 1
        }
        let magic = Array(Self.magic.utf8)
        guard rows.count >= 2, bytes[rows[0]].starts(with: magic) else { return parsed }
        let indexKey = String(decoding: bytes[(rows[0].lowerBound + magic.count)..<rows[0].upperBound], as: UTF8.self)
        let fields = rows[1].isEmpty ? [] : bytes[rows[1]].split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count % 2 == 0 else { return parsed }
        let pages = stride(from: 0, to: fields.count, by: 2).map { SearchIndexModel.PageKey(path: fields[$0], key: fields[$0 + 1]) }
        guard pages.allSatisfy({ SearchIndexModel.PageKey.isIndexFile($0.path) && !$0.key.isEmpty }) else { return parsed }
        parsed.head = Head(indexKey: indexKey, pages: pages)
        for row in rows.dropFirst(2) {
            guard let keyEnd = bytes[row].firstIndex(of: 0x09),
                let lengthEnd = bytes[(keyEnd + 1)..<row.upperBound].firstIndex(of: 0x09),
                let length = Int(String(decoding: bytes[(keyEnd + 1)..<lengthEnd], as: UTF8.self))
            else { continue }
            parsed.lines[String(decoding: bytes[row.lowerBound..<keyEnd], as: UTF8.self)] = (length, (lengthEnd + 1)..<row.upperBound)
        }
        return parsed
    }
}
