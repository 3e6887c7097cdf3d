import Foundation
import SkillEx
import SkillExMarkdown

/// What every page builder gets: the input, the theme, and build-wide settings.
struct SiteContext: Sendable {
    var input: SiteInput
    var theme: Theme
    /// Runs cookbook command blocks; nil leaves them as written.
    var commands: CommandBlocks?
    /// The build's time as text (from the workspace clock), shown in footers.
    var generatedAt: String
    /// Mixed into every page fingerprint: theme, settings, navigation.
    var salt: String
    /// Rendered page pieces kept between builds (nil: always rendered).
    var fragments: FragmentCache?
    /// The site's published address and edit address, from the manifest (sitedocs).
    var links = SiteLinks()
    /// Each search page's term counts and the index files' fingerprints, kept between builds
    /// (read only if the index input changed; saved by the publisher). Nil: nothing is kept.
    var searchTerms: SearchTermCache?

    /// A fingerprint of `parts` plus the salt.
    func key(_ parts: String...) -> String {
        var hasher = SHA256Hasher()
        hasher.update(salt)
        for part in parts {
            hasher.update(part)
            hasher.update("\u{0}")
        }
        return Digest.hex(hasher.finalize())
    }

    /// Renders Markdown with the safe renderer, colours its fenced code, and returns its HTML and
    /// table of contents.
    static func markdown(_ source: String) -> (html: String, toc: [TocItem]) {
        let rendered = MarkdownRenderer.render(source)
        let toc = rendered.headings.filter { $0.level == 2 || $0.level == 3 }.map {
            TocItem(text: $0.text, anchor: $0.anchor, isSub: $0.level == 3)
        }
        return (FencedCode.highlight(rendered.html), toc)  // fenced code coloured at build time (Highlight/)
    }
}
