import Foundation
import SkillEx
import SkillExMarkdown

/// One page of the search index before anything costly is done with it: the fields every build
/// needs (kind, title, path, repository, gate), what its description and text are made from,
/// and a fingerprint of all of that. A rebuild fingerprints every page this way and reads,
/// masks and flattens only the pages it counts again or whose text chunk it writes.
struct SearchSource: Sendable {
    /// Where a page's description and text come from.
    enum Origin: Sendable {
        /// A skill: its manifest description (masked when shown) and its Markdown files.
        case skill(SkillInput)
        /// A page whose text is `markdown` flattened.
        case markdown(description: String, markdown: String)
        /// A reference page: its schema's fields flattened, done only when the page is read.
        case schema(description: String, json: String)
    }

    /// The page without description and body.
    var page: SearchDocument
    var origin: Origin
    /// Changes whenever anything the page's entry in the index is made of does.
    var key: String

    init(_ page: SearchDocument, _ origin: Origin) {
        self.page = page
        self.origin = origin
        var hasher = SHA256Hasher()
        hasher.update("search-page-\(SearchIndexPlan.version)\u{0}")
        var fields = [page.kind, page.title, page.url, page.repo, page.gate]
        switch origin {
        case .skill(let skill):
            // The fingerprint changes whenever the skill's files or manifest entry do.
            fields += ["skill", skill.entry.description ?? "", skill.fingerprint]
        case .markdown(let description, let markdown): fields += ["markdown", description, markdown]
        case .schema(let description, let json): fields += ["schema", description, json]
        }
        for field in fields {
            hasher.update(String(field.utf8.count))
            hasher.update(":")
            hasher.update(field)
        }
        key = Digest.hex(hasher.finalize())
    }

    /// The page with its description and text.
    func full() -> SearchDocument {
        var doc = page
        switch origin {
        case .skill(let skill):
            // Secrets masked and hidden characters shown, as on the skill's page (security).
            doc.description = SecretMask.shown(skill.entry.description ?? "")
            doc.body = SkillText.read(skill)
        case .markdown(let description, let markdown):
            doc.description = description
            doc.body = PlainText.fromMarkdown(markdown[...])
        case .schema(let description, let json):
            doc.description = description
            doc.body = Self.schemaText(json)
        }
        return doc
    }

    /// Every page of the site worth finding, skills first.
    static func all(_ input: SiteInput) -> [SearchSource] {
        // Fingerprinted on every core: a rebuild makes these for every page (rebuild5).
        var sources = ParallelMap.map(input.skills) { skill in
            SearchSource(
                SearchDocument(kind: "skill", title: skill.entry.name, url: skill.pagePath, repo: skill.entry.sourceRepo, gate: SearchDocument.gate(skill)),
                .skill(skill))
        }
        sources += ParallelMap.map(input.cookbook) { doc in
            SearchSource(SearchDocument(kind: "cookbook", title: doc.title, url: "cookbook/\(doc.slug).html"), .markdown(description: "", markdown: doc.body))
        }
        for schema in ReferencePage.schemas {
            guard let text = input.schemas[schema.file] else { continue }
            sources.append(SearchSource(
                SearchDocument(kind: "reference", title: schema.title, url: "reference/\(schema.page).html"),
                .schema(description: schema.summary, json: text)))
        }
        if let roadmap = input.roadmap {
            sources.append(SearchSource(SearchDocument(kind: "roadmap", title: roadmap.title, url: "roadmap.html"), .markdown(description: "", markdown: roadmap.body)))
        }
        return sources
    }

    /// A schema's searchable text: each field's path, type and meaning.
    static func schemaText(_ json: String) -> String {
        SchemaFields.flatten(json).map { "\($0.path) \($0.type) \($0.meaning)" }.joined(separator: " ")
    }
}
