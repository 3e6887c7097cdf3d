public import Foundation
import Synchronization

/// Keeps the site in memory (tests, previews); same change accounting as the disk publisher.
public final class MemoryPublisher: SitePublisher {
    private let state = Mutex<[String: (Data, PageRecord)]>([:])
    private let stamped = Mutex<[String: StampedTemplate]>([:])

    /// An empty site.
    public init() {}

    /// The records of the last build.
    public func publishedRecords() -> PublishedRecords {
        PublishedRecords(state.withLock { $0.mapValues(\.1) })
    }

    /// Stores the pages, replacing the previous build.
    public func publish(_ pages: [RenderedPage], keptKeys: Set<String>) throws -> PublishSummary {
        // Files published unchanged are held as bytes like any page.
        let pages = try pages.map { page in
            guard let linked = page.linkedFile else { return page }
            var read = page
            (read.bytes, read.linkedFile) = (try linked.read(), nil)
            return read
        }
        return state.withLock { stored in
            var summary = PublishSummary()
            var next: [String: (Data, PageRecord)] = [:]
            let rendered = Set(pages.map(\.path))
            for (path, old) in stored where !rendered.contains(path) {
                if let key = old.1.key, keptKeys.contains(key) { next[path] = old; summary.unchanged += 1 }
            }
            for page in pages {
                next[page.path] = (page.bytes, PageRecord(hash: "", key: page.key))
                if stored[page.path]?.0 == page.bytes { summary.unchanged += 1 } else { summary.written.append(page.path) }
            }
            summary.removed = stored.keys.filter { next[$0] == nil }.sorted()
            stored = next
            return summary
        }
    }

    /// The stamped template kept for `path`.
    public func stampedTemplate(path: String) -> StampedTemplate? { stamped.withLock { $0[path] } }

    /// Keeps `templates` for the next build.
    public func storeStampedTemplates(_ templates: [String: StampedTemplate]) {
        stamped.withLock { $0.merge(templates) { _, new in new } }
    }

    /// The bytes of the page at `path`, if the last build had it.
    public func data(_ path: String) -> Data? { state.withLock { $0[path]?.0 } }

    /// The text of the page at `path`, if the last build had it.
    public func text(_ path: String) -> String? { data(path).map { String(decoding: $0, as: UTF8.self) } }

    /// Every path of the last build, sorted.
    public var paths: [String] { state.withLock { $0.keys.sorted() } }
}
