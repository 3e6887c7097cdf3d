import Foundation
import SkillEx

/// The site's pages in reading order, with what `sitemap.xml` and `llms.txt` say of them.
enum SiteIndex {
    /// One page: its path, title, one-line summary and `llms.txt` section.
    struct Entry: Sendable {
        var path: String
        var title: String
        var summary: String
        var section: String
        /// True when `summary` is a skill's description as written: it is masked only where it is
        /// shown (`shownSummary`), not on every build just to fingerprint the entries.
        var unmasked = false
        /// True when `summary` is a cookbook page's Markdown: its first paragraph is taken only
        /// where it is shown, not on every build just to fingerprint the entries.
        var markdown = false

        /// The summary as `llms.txt` shows it: secrets masked, hidden characters shown (security).
        var shownSummary: String {
            if markdown { return PageMeta.firstParagraph(summary) ?? "" }
            return unmasked ? SecretMask.shown(summary) : summary
        }
    }

    /// Home, skills, cookbook, reference, roadmap, dashboard and search.
    static func entries(_ context: SiteContext) -> [Entry] {
        let input = context.input
        var entries = [Entry(path: "index.html", title: input.title, summary: "Every skill of the hub, by repository.", section: "")]
        for skill in input.skills {
            entries.append(Entry(path: skill.pagePath, title: "\(skill.entry.sourceRepo)/\(skill.entry.name)",
                                 summary: skill.entry.description ?? "", section: "Skills", unmasked: true))
        }
        entries.append(Entry(path: "cookbook/index.html", title: "Cookbook", summary: "Every cookbook page.", section: ""))
        for doc in input.cookbook {
            entries.append(Entry(path: "cookbook/\(doc.slug).html", title: doc.title,
                                 summary: doc.body, section: "Cookbook", markdown: true))
        }
        entries.append(Entry(path: "reference/index.html", title: "Reference", summary: "", section: ""))
        for schema in ReferencePage.schemas {
            entries.append(Entry(path: "reference/\(schema.page).html", title: schema.title, summary: schema.summary,
                                 section: "Reference"))
        }
        entries.append(Entry(path: "roadmap.html", title: input.roadmap?.title ?? "Roadmap", summary: "What is done, in progress and planned.",
                             section: "Optional"))
        entries.append(Entry(path: "dashboard.html", title: "Dashboard", summary: "Telemetry of the hub's runs.", section: ""))
        entries.append(Entry(path: "search.html", title: "Search", summary: "", section: ""))
        return entries
    }

    /// Changes whenever any entry changes.
    static func fingerprint(_ entries: [Entry]) -> String {
        var hasher = SHA256Hasher()
        for entry in entries {  // field by field: the same bytes as one joined string, without making it
            for field in [entry.path, entry.title, entry.summary, entry.section] {
                hasher.update(field)
                hasher.update("\u{0}")
            }
            hasher.update(entry.unmasked ? "true" : "false")
            hasher.update(entry.markdown ? "true\u{1}" : "false\u{1}")
        }
        return Digest.hex(hasher.finalize())
    }
}

/// `llms.txt` (llmstxt.org): the site's name, a summary, and a list of the Markdown copies of
/// its content pages by section; absolute addresses when the manifest names the site's `url`.
enum LlmsText {
    static func make(_ entries: [SiteIndex.Entry], context: SiteContext) -> String {
        let input = context.input
        let repositories = Set(input.skills.map(\.entry.sourceRepo)).count
        var text = "# \(oneLine(input.title))\n\n"
        text += "> A hub of \(input.skills.count) agent skills from \(repositories) repositories, with their scores, "
        text += "review state and a cookbook. Built by SkillEx.\n\n"
        text += "Every link below is the Markdown copy of a page: the page's address with `.md` appended.\n"
        for section in ["Skills", "Cookbook", "Reference", "Optional"] {
            let listed = entries.filter { $0.section == section && AgentCopy.hasCopy($0.path) }
            guard !listed.isEmpty else { continue }
            text += "\n## \(section)\n\n"
            for entry in listed {
                let address = context.links.absolute(entry.path + ".md") ?? SiteLinks.percentEncoded(entry.path + ".md")
                let summary = oneLine(entry.shownSummary)
                text += "- [\(linkText(entry.title))](\(address))" + (summary.isEmpty ? "" : ": \(summary)") + "\n"
            }
        }
        return text
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
    }

    /// `text` on one line with Markdown link brackets escaped.
    static func linkText(_ text: String) -> String {
        oneLine(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "[", with: "\\[")
            .replacingOccurrences(of: "]", with: "\\]")
    }
}
