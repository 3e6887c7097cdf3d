internal import CCmarkGFM
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The only code that holds cmark-gfm pointers: parse, walk headings, render, free.
enum CmarkDocument {
    /// Registers the GFM core extensions exactly once, before any parser exists.
    private static let registration: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// Serialises parsing. cmark-gfm keeps the inline parser's special-character table in one
    /// global array, and every parser adds its extensions' characters (`~`, `|`) to it while it
    /// parses and removes them when done (`cmark_manage_extensions_special_characters`), so two
    /// concurrent parses can strip `~` from each other: `~~struck~~` then renders literally.
    /// Walking the tree and rendering HTML need no lock.
    private static let parseLock = ParseLock()

    /// Renders `source` with `options`; never fails, since cmark accepts any input.
    static func render(_ source: String, options: MarkdownOptions) -> RenderedMarkdown {
        _ = registration
        let flags = cmarkFlags(options)
        guard let parser = cmark_parser_new(flags) else {
            return RenderedMarkdown(html: "", headings: [], title: nil)
        }
        defer { cmark_parser_free(parser) }
        for name in extensionNames(options) {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var utf8 = source
        parseLock.lock()
        utf8.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        let parsed = cmark_parser_finish(parser)
        parseLock.unlock()
        guard let document = parsed else {
            return RenderedMarkdown(html: "", headings: [], title: nil)
        }
        defer { cmark_node_free(document) }

        let headings = collectHeadings(document, addAnchors: options.headingAnchors)
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let buffer = cmark_render_html(document, flags, extensions) else {
            return RenderedMarkdown(html: "", headings: headings, title: nil)
        }
        defer { free(buffer) }
        let html = options.alerts ? GFMAlerts.apply(String(cString: buffer)) : String(cString: buffer)
        let title = headings.first(where: { $0.level == 1 })?.text
        return RenderedMarkdown(html: html, headings: headings, title: title)
    }

    // MARK: - Headings

    /// Walks the tree once; at each EXIT event (when a node may be modified) neutralises unsafe
    /// link targets, records headings and prepends a custom inline rendering a self-link anchor.
    private static func collectHeadings(_ document: OpaquePointer, addAnchors: Bool) -> [Heading] {
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var anchors = HeadingAnchors()
        var headings: [Heading] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_EXIT, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                neutraliseURL(of: node)
                continue
            }
            guard type == CMARK_NODE_HEADING else { continue }
            let text = plainText(of: node)
            let anchor = anchors.anchor(for: text)
            let level = Int(cmark_node_get_heading_level(node))
            headings.append(Heading(level: level, text: text, anchor: anchor))
            if addAnchors, let link = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) {
                let open = "<a class=\"anchor\" id=\"\(anchor)\" href=\"#\(anchor)\" aria-hidden=\"true\"></a>"
                cmark_node_set_on_enter(link, open)
                cmark_node_set_on_exit(link, "")
                if cmark_node_prepend_child(node, link) == 0 { cmark_node_free(link) }
            }
        }
        return headings
    }

    /// Empties link and image targets whose scheme can run script or smuggle content:
    /// cmark's safe mode already drops `javascript:`, `vbscript:` and `file:`, but lets
    /// `data:image/...` through; SkillEx refuses every `data:` URL.
    private static func neutraliseURL(of node: OpaquePointer) {
        guard let url = cmark_node_get_url(node) else { return }
        let scheme = String(cString: url).drop(while: { $0 == " " || $0 == "\t" }).prefix(12).lowercased()
        let blocked = ["javascript:", "vbscript:", "data:", "file:"]
        if blocked.contains(where: { scheme.hasPrefix($0) }) {
            cmark_node_set_url(node, "")
        }
    }

    /// Concatenates the literal text and code spans under `node`.
    private static func plainText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }

    // MARK: - Options

    private static func cmarkFlags(_ options: MarkdownOptions) -> Int32 {
        // CMARK_OPT_UNSAFE is never set: raw HTML and dangerous URLs are always dropped.
        var flags = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        if options.footnotes { flags |= CMARK_OPT_FOOTNOTES }
        if options.strikethrough { flags |= CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE }
        // Aligned table cells get `style="text-align: …"`, not the obsolete `align` attribute
        // (an HTML error); they are the only `style` attributes a page can hold, since raw HTML
        // is never passed (`MarkdownRenderer.inlineStyles`).
        if options.tables { flags |= CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES }
        return flags
    }

    private static func extensionNames(_ options: MarkdownOptions) -> [String] {
        var names = ["tagfilter"]
        if options.tables { names.append("table") }
        if options.strikethrough { names.append("strikethrough") }
        if options.autolinks { names.append("autolink") }
        if options.taskLists { names.append("tasklist") }
        return names
    }
}

/// A process-wide mutex (pthread), for code that must not run on two threads at once.
private final class ParseLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
}
