/// Where rendered pages go: a folder on disk, or memory for tests and previews.
public protocol SitePublisher: Sendable {
    /// What the last build published: only pages still there.
    func publishedRecords() -> PublishedRecords

    /// Writes one build: `pages` were rendered; pages of the last build whose fingerprint is in
    /// `keptKeys` (their inputs did not change; a skill's pages and the files they link to share
    /// one) are left as they are. Pages of an earlier build in neither are removed.
    func publish(_ pages: [RenderedPage], keptKeys: Set<String>) throws -> PublishSummary

    /// The stamped template kept for the page at `path`, if there is one.
    func stampedTemplate(path: String) -> StampedTemplate?

    /// Keeps stamped templates by page path for the next build (best effort: a lost one only
    /// means the page is rendered again).
    func storeStampedTemplates(_ templates: [String: StampedTemplate])

    /// Keeps what this build learned for the next one (listings, event summary, fragments),
    /// after the pages are out.
    func storeState(_ update: SiteStateUpdate)

    /// Called on a render worker as soon as `page` is rendered: a publisher that can store it
    /// now returns it stored (bytes dropped, `stored` set), so a build does not hold every page
    /// at once; `publish` then only records it.
    func storeEarly(_ page: RenderedPage) throws -> RenderedPage
}

extension SitePublisher {
    /// No stamped templates: stamped pages are always rendered.
    public func stampedTemplate(path: String) -> StampedTemplate? { nil }

    /// Keeps nothing.
    public func storeStampedTemplates(_ templates: [String: StampedTemplate]) {}

    /// Writes the update into the workspace's `.skillex/` (see `SiteBuildState`).
    public func storeState(_ update: SiteStateUpdate) { update.save() }

    /// Keeps the page for `publish`.
    public func storeEarly(_ page: RenderedPage) throws -> RenderedPage { page }
}

/// The pages of the last build that are still there.
public struct PublishedRecords: Sendable {
    /// Records by path.
    public var pages: [String: PageRecord] = [:]
    /// How many of those pages carry each fingerprint. A group of pages (a skill's) is intact when
    /// its first page has the group's fingerprint and this count is the group's size: a page of it
    /// that went missing, or was written again for other input, makes the group stale.
    public var countByKey: [String: Int] = [:]
    /// Fingerprints of which some page went missing since it was published.
    public var brokenKeys: Set<String> = []

    /// Records of `pages`, with their counts by key.
    public init(_ pages: [String: PageRecord]) {
        self.pages = pages
        countByKey.reserveCapacity(pages.count / 2)
        for record in pages.values {
            if let key = record.key { countByKey[key, default: 0] += 1 }
        }
    }

    /// True when the group of at least `size` pages (files its pages link to come with it) with
    /// fingerprint `key`, whose head page is at `path`, is published whole: the head has the
    /// fingerprint, no page of the group went missing, and none was written again for other input.
    /// (Records of a group are appended with its head last, so a record file cut short mid-append
    /// never shows a head without the rest.)
    public func hasGroup(_ key: String, size: Int, firstPage path: String) -> Bool {
        pages[path]?.key == key && (countByKey[key] ?? 0) >= size && !brokenKeys.contains(key)
    }
}

/// What the publisher remembers about one page.
public struct PageRecord: Sendable, Equatable, Codable {
    /// SHA-256 of the bytes.
    public var hash: String
    /// The page's input fingerprint, when it has one.
    public var key: String?
}

/// What one publish changed.
public struct PublishSummary: Sendable, Equatable, Codable {
    /// Pages written because they are new or their bytes changed.
    public var written: [String] = []
    /// Pages left alone: not rendered again, or rendered to the same bytes.
    public var unchanged: Int = 0
    /// Pages of an earlier build that are gone now.
    public var removed: [String] = []

    /// An empty summary.
    public init() {}
}
