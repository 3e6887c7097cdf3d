import Foundation
import SkillEx
import SkillExMarkdown

/// Markdown copies of the content pages, for agents (llmstxt.org): each at its page's address
/// plus `.md` (`cookbook/a.html.md`, `skills/r/s/index.html.md`). A skill's copy is its SKILL.md
/// under a title; a reference page's is its field table; the roadmap's is its source. Cookbook
/// copies come with their page (`CookbookPage`), with the commands' real output in them, and
/// skill copies with theirs (`SkillPage`), as files of the skill's group.
enum AgentCopy {
    /// The largest SKILL.md copied, in bytes; a longer one is cut there with a note.
    static let maxSkillBytes = 256 * 1024

    /// True for the pages that have a copy: cookbook pages, skill pages, reference pages and
    /// the roadmap.
    static func hasCopy(_ path: String) -> Bool {
        if path == "roadmap.html" { return true }
        if path.hasPrefix("cookbook/") || path.hasPrefix("reference/") {
            return path.hasSuffix(".html") && !path.hasSuffix("/index.html") && path.utf8.count(where: { $0 == 47 }) == 1
        }
        return path.hasPrefix("skills/") && path.hasSuffix("/index.html") && path.utf8.count(where: { $0 == 47 }) == 3
    }

    /// The copies of the roadmap and the reference pages (a skill's comes with its page, as one of
    /// the files of its group: see `skillCopy`).
    static func pages(from context: SiteContext) -> [PlannedPage] {
        let input = context.input
        let roadmap = input.roadmap?.body
        var pages: [PlannedPage] = [
            .file("roadmap.html.md", key: context.key("roadmap.md", roadmap ?? ""),
                  text: roadmap ?? "# Roadmap\n\nNo roadmap yet.\n")
        ]
        for schema in ReferencePage.schemas {
            let text = input.schemas[schema.file]
            pages.append(PlannedPage(path: "reference/\(schema.page).html.md", key: context.key("reference.md", schema.file, text ?? "")) {
                Data(reference(title: schema.title, summary: schema.summary, file: schema.file, schema: text).utf8)
            })
        }
        return pages
    }

    /// A skill's copy, written with its page (and kept, removed and checked with it).
    static func skillCopy(_ skill: SkillInput, context: SiteContext) -> RenderedPage {
        // Secrets masked and hidden characters shown, as on the page (security: SecretMask.shown).
        let text = SecretMask.shown(self.skill(skill, siteTitle: context.input.title))
        return RenderedPage(path: skill.pagePath + ".md", bytes: Data(text.utf8), key: nil)
    }

    /// A skill's copy: name, repository and description, then SKILL.md without front matter.
    static func skill(_ skill: SkillInput, siteTitle: String) -> String {
        var text = "# \(skill.entry.name)\n\n"
        if let description = skill.entry.description, !description.isEmpty {
            text += "> " + description.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n\n"
        }
        text += "Repository: \(skill.entry.sourceRepo) · Hub: \(siteTitle)\n\n"
        guard case .success(let files) = skill.files, let file = files.first(where: { $0.relativePath == "SKILL.md" }),
            let handle = try? FileHandle(forReadingFrom: file.url)
        else { return text + "SKILL.md could not be read.\n" }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxSkillBytes + 1)) ?? Data()
        let source = String(decoding: data.prefix(maxSkillBytes), as: UTF8.self)
        text += String(FrontMatter.split(source).body)
        if data.count > maxSkillBytes { text += "\n\n(SKILL.md is longer than \(maxSkillBytes / 1024) KiB; cut here.)\n" }
        return text
    }

    /// A reference page's copy: its summary and a Markdown table of the schema's fields.
    static func reference(title: String, summary: String, file: String, schema: String?) -> String {
        var text = "# \(title)\n\n\(summary)\n\n"
        guard let schema else { return text + "The schema \(file) is not part of this build.\n" }
        text += "JSON Schema: [\(file)](\(file))\n\n| Field | Type | Required | Meaning |\n|---|---|---|---|\n"
        for field in SchemaFields.flatten(schema) {
            let cells = ["`\(field.path)`", field.type, field.required ? "yes" : "no", field.meaning].map(cell)
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return text
    }

    /// `text` on one line with `|` escaped, for a table cell.
    static func cell(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").replacingOccurrences(of: "|", with: "\\|")
    }
}
