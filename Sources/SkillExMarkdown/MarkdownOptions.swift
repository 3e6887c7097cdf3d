/// Which GitHub Flavored Markdown features a render turns on.
///
/// There is deliberately no switch for raw HTML: cmark-gfm always runs in safe mode, so raw
/// HTML becomes a comment and `javascript:`/`data:` link targets become empty, and the
/// `tagfilter` extension is always attached.
public struct MarkdownOptions: Sendable, Hashable {
    /// GFM pipe tables.
    public var tables: Bool
    /// `~~struck~~` text.
    public var strikethrough: Bool
    /// Bare `https://…` and `www.` links.
    public var autolinks: Bool
    /// `- [x] done` list items.
    public var taskLists: Bool
    /// `[^1]` footnotes.
    public var footnotes: Bool
    /// Curly quotes and dashes.
    public var smartPunctuation: Bool
    /// A self-link anchor at the start of every heading.
    public var headingAnchors: Bool
    /// GitHub alert quotes (`> [!NOTE]`…) rendered as callouts (`GFMAlerts`).
    public var alerts: Bool

    /// The defaults: every GFM extension and alerts on, smart punctuation off, heading anchors on.
    public init(
        tables: Bool = true, strikethrough: Bool = true, autolinks: Bool = true,
        taskLists: Bool = true, footnotes: Bool = true, smartPunctuation: Bool = false,
        headingAnchors: Bool = true, alerts: Bool = true
    ) {
        self.tables = tables
        self.strikethrough = strikethrough
        self.autolinks = autolinks
        self.taskLists = taskLists
        self.footnotes = footnotes
        self.smartPunctuation = smartPunctuation
        self.headingAnchors = headingAnchors
        self.alerts = alerts
    }
}
