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

    /// Every page of the site worth finding, skills first, with its description and text.
    static func all(_ input: SiteInput) -> [SearchDocument] {
        SearchSource.all(input).map { $0.full() }
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
}
