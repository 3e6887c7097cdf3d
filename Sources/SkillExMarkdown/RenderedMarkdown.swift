/// One heading of a rendered document, for tables of contents.
public struct Heading: Sendable, Equatable, Codable {
    /// 1 for `#`, 6 for `######`.
    public var level: Int
    /// The heading's plain text.
    public var text: String
    /// The unique slug used as the heading's `id`.
    public var anchor: String

    /// Creates a heading value.
    public init(level: Int, text: String, anchor: String) {
        self.level = level
        self.text = text
        self.anchor = anchor
    }
}

/// The output of one render: safe HTML plus what a page needs around it.
public struct RenderedMarkdown: Sendable, Equatable {
    /// HTML produced by cmark-gfm in safe mode.
    public var html: String
    /// Every heading, in document order.
    public var headings: [Heading]
    /// The text of the first level-1 heading, if any.
    public var title: String?
}
