/// Where rendered pages go: a folder on disk, or memory for tests and previews.
public protocol Publisher: Sendable {
    /// What the last build published, by path: only pages still there.
    func publishedRecords() -> [String: PageRecord]

    /// Writes one build: `pages` were rendered, `kept` are paths whose fingerprint did not change
    /// (left as they are). Pages of an earlier build in neither list are removed.
    func publish(_ pages: [RenderedPage], kept: [String]) throws -> PublishSummary

    /// The stamped template kept for the page at `path`, if there is one.
    func stampedTemplate(path: String) -> StampedTemplate?

    /// Keeps stamped templates by page path for the next build (best effort: a lost one only
    /// means the page is rendered again).
    func storeStampedTemplates(_ templates: [String: StampedTemplate])
}

extension Publisher {
    /// No stamped templates: stamped pages are always rendered.
    public func stampedTemplate(path: String) -> StampedTemplate? { nil }

    /// Keeps nothing.
    public func storeStampedTemplates(_ templates: [String: StampedTemplate]) {}
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
