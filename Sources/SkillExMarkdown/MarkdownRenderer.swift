/// Markdown → safe HTML with cmark-gfm; the entry point of this module.
public enum MarkdownRenderer {
    /// Renders `source`; total: any input gives HTML, never an error or a trap.
    public static func render(_ source: String, options: MarkdownOptions = .init())
        -> RenderedMarkdown
    {
        CmarkDocument.render(source, options: options)
    }
}
