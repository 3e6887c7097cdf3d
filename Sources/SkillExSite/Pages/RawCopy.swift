/// Where the site keeps a copy of a skill's file that a page links to. The site's origin must
/// never serve a skill author's file as active content (HTML, SVG, XML, XHTML, MHTML, script,
/// PDF…): opening it would run the author's script as the site. So only raster images keep
/// their name (`raw/diagram.png`); every other copy gets `.txt` added (`raw/page.html.txt`), which
/// servers send as plain text and browsers never run, and text files are shown on an escaped
/// page instead (`SourcePage`). The mapping stays one to one: no kept name ends in `.txt`.
enum RawCopy {
    /// Extensions (lower case) whose files are copied under their own name: raster images,
    /// which a browser only ever draws.
    static let inertExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "avif", "bmp", "ico"]

    /// True when the file at `relative` is copied under its own name.
    static func isInert(_ relative: String) -> Bool {
        guard let dot = relative.lastIndex(of: "."), !relative[dot...].contains("/") else { return false }
        return inertExtensions.contains(relative[relative.index(after: dot)...].lowercased())
    }

    /// The copy's path inside the skill's site folder: `raw/<segments>`, plus `.txt` unless inert.
    static func path(of relative: String) -> String {
        "raw/" + PathSegment.path(relative) + (isInert(relative) ? "" : ".txt")
    }
}
