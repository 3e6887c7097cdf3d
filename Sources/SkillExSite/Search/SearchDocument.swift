import Foundation
import SkillEx
import SkillExMarkdown

/// One page as the search index sees it: what is shown in a result and the plain text indexed.
struct SearchDocument: Sendable, Equatable {
    /// `skill`, `cookbook`, `reference` or `roadmap`.
    var kind: String
    var title: String
    /// The page's path in the site.
    var url: String
    /// The skill's repository (empty for other pages).
    var repo = ""
    /// The gate's verdict (`admitted`, `approved`, `refused`), `invalid`, `unscored`; empty for other pages.
    var gate = ""
    var description = ""
    /// The page's text without Markdown syntax.
    var body = ""

    /// Every page of the site worth finding, skills first. A skill's `body` is left empty (read
    /// it with `SkillText.read` when it is needed: its fingerprint stands for it meanwhile).
    static func all(_ input: SiteInput) -> [SearchDocument] {
        var docs = input.skills.map { skill in
            SearchDocument(
                kind: "skill", title: skill.entry.name, url: skill.pagePath, repo: skill.entry.sourceRepo,
                gate: gate(skill), description: SecretMask.shown(skill.entry.description ?? ""))
        }
        docs += input.cookbook.map { doc in
            SearchDocument(kind: "cookbook", title: doc.title, url: "cookbook/\(doc.slug).html", body: PlainText.fromMarkdown(doc.body[...]))
        }
        for schema in ReferencePage.schemas {
            guard let text = input.schemas[schema.file] else { continue }
            let fields = SchemaFields.flatten(text).map { "\($0.path) \($0.type) \($0.meaning)" }
            docs.append(SearchDocument(
                kind: "reference", title: schema.title, url: "reference/\(schema.page).html",
                description: schema.summary, body: fields.joined(separator: " ")))
        }
        if let roadmap = input.roadmap {
            docs.append(SearchDocument(kind: "roadmap", title: roadmap.title, url: "roadmap.html", body: PlainText.fromMarkdown(roadmap.body[...])))
        }
        return docs
    }

    /// The skill's state for the gate filter.
    static func gate(_ skill: SkillInput) -> String {
        if !skill.filesReadable { return "invalid" }
        if let gate = skill.scorecard?.gate { return gate.rawValue }
        return "unscored"
    }

    /// A fingerprint of what `all` reads, cheaper than reading it: skill fingerprints name their
    /// files' content (the checksum) and the scorecard.
    static func key(_ input: SiteInput, context: SiteContext) -> String {
        var hasher = SHA256Hasher()
        hasher.update(context.salt + "search-index-\(SearchIndexPlan.version)\u{0}")
        for skill in input.skills { hasher.update(skill.fingerprint + "\u{0}") }
        for doc in input.cookbook { hasher.update("\(doc.title)\u{0}\(doc.slug)\u{0}\(doc.body)\u{1}") }
        if let roadmap = input.roadmap { hasher.update("roadmap\u{0}\(roadmap.title)\u{0}\(roadmap.body)\u{1}") }
        for name in input.schemas.keys.sorted() { hasher.update("\(name)\u{0}\(input.schemas[name] ?? "")\u{1}") }
        return Digest.hex(hasher.finalize())
    }

    /// A fingerprint of what the page's entry in the index is made of (every field; a skill's
    /// text by `skillFingerprint`, which changes whenever its files do).
    func key(skillFingerprint: String?) -> String {
        var hasher = SHA256Hasher()
        hasher.update("search-page-\(SearchIndexPlan.version)\u{0}")
        for field in [kind, title, url, repo, gate, description] { hasher.update("\(field.utf8.count):" + field) }
        if let skillFingerprint { hasher.update("skill\u{0}" + skillFingerprint) } else { hasher.update("text\u{0}" + body) }
        return Digest.hex(hasher.finalize())
    }
}
