import Foundation
import SkillEx
import SkillExMarkdown

/// A skill's Markdown (SKILL.md first, then its other `.md` files) as the plain text the search
/// index holds. Read only for skills whose counts the index does not keep (`SearchTermCache`)
/// and for the snippets of a text chunk that is written again.
enum SkillText {
    /// Largest Markdown file read, in bytes (larger ones are skipped).
    static let maxFileBytes = 256 * 1024

    /// Reads and flattens the skill's Markdown files.
    static func read(_ skill: SkillInput) -> String {
        guard case .success(let files) = skill.files else { return "" }
        let markdown = files.filter { $0.relativePath.lowercased().hasSuffix(".md") && $0.size <= maxFileBytes }
            .sorted { ($0.relativePath != "SKILL.md" ? 1 : 0, $0.relativePath) < ($1.relativePath != "SKILL.md" ? 1 : 0, $1.relativePath) }
        var parts: [String] = []
        for file in markdown {
            guard let data = try? Data(contentsOf: file.url) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            parts.append(PlainText.fromMarkdown(FrontMatter.split(text).body))
        }
        // Secrets masked and hidden characters shown, as on the skill's page (security).
        return SecretMask.shown(parts.joined(separator: " "))
    }
}
