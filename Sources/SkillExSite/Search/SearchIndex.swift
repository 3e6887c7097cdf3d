import Foundation
import SkillEx

/// The prebuilt search index: one entry per skill and cookbook page.
struct SearchIndex: Sendable {
    struct Entry: Sendable, Encodable { var title: String; var text: String; var url: String; var kind: String }

    var entries: [Entry]

    static func make(_ input: SiteInput) -> SearchIndex {
        var entries = input.skills.map { skill in
            Entry(title: skill.entry.name, text: "\(skill.entry.sourceRepo) \(skill.entry.description ?? "")",
                  url: skill.pagePath, kind: "skill")
        }
        entries += input.cookbook.map { doc in
            Entry(title: doc.title, text: String(doc.body.prefix(400)), url: "cookbook/\(doc.slug).html", kind: "cookbook")
        }
        return SearchIndex(entries: entries)
    }

    /// A fingerprint of everything the index holds, cheaper than building it.
    static func key(_ input: SiteInput, context: SiteContext) -> String {
        var hasher = SHA256Hasher()
        hasher.update(context.salt + "search-index\u{0}")
        for skill in input.skills {
            // The page path follows from the name and repository.
            for part in [skill.entry.name, skill.entry.sourceRepo, skill.entry.description ?? ""] {
                hasher.update(part)
                hasher.update("\u{0}")
            }
            hasher.update("\u{1}")
        }
        for doc in input.cookbook {
            hasher.update("\(doc.title)\u{0}\(doc.body.prefix(400))\u{0}\(doc.slug)\u{1}")
        }
        return Digest.hex(hasher.finalize())
    }

    /// A script assigning the index to `window.SKILLEX_SEARCH_INDEX`.
    func script() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        // "<" is escaped so the data can never close a script element, even if inlined.
        return "window.SKILLEX_SEARCH_INDEX = " + json.replacingOccurrences(of: "<", with: "\\u003c") + ";\n"
    }
}
