import Foundation
import SkillEx

/// Renders a workspace into a static site: plan every page, render the changed ones on every
/// core, hand the bytes to a publisher.
public struct Site: Sendable {
    /// The theme pages are rendered with.
    public var theme: Theme
    /// Runs the cookbook's `skillex-run` blocks; nil shows them as written.
    public var commands: CommandBlocks?
    /// Given the build's large values (the plan, the rendered pages, the search model) instead of
    /// freeing them, when the process is about to exit anyway (the kernel reclaims them at
    /// once); nil frees them (`serve` builds again and again).
    public var keepUntilExit: (@Sendable (Any) -> Void)?

    /// A site renderer.
    public init(theme: Theme, commands: CommandBlocks? = nil) {
        self.theme = theme
        self.commands = commands
    }

    /// Builds the site of `input` into `publisher`.
    public func build(input: SiteInput, publisher: some SitePublisher) throws -> SiteReport {
        let context = makeContext(input)
        let published = publisher.publishedRecords()
        PhaseTrace.mark("site.publishedRecords")
        let (planned, keptGroups) = plan(context, published: published)
        PhaseTrace.mark("site.plan")
        let stamp = context.generatedAt
        let stamping = StampedTemplate.canStamp(stamp)
        @Sendable func isStamped(_ page: PlannedPage) -> Bool { stamping && page.renderStamped != nil && page.key != nil }
        // Stamped pages are always produced (their time changes), from their template if it is kept.
        // A page kept keeps the files that came with it (they share its fingerprint), unless one
        // of them went missing.
        var stale: [PlannedPage] = []
        var keptKeys = Set(keptGroups)
        for page in planned {
            if let key = page.key, published.pages[page.path]?.key == key, !published.brokenKeys.contains(key),
                !isStamped(page)
            {
                keptKeys.insert(key)
            } else {
                stale.append(page)
            }
        }
        PhaseTrace.mark("site.keptLoop")
        let rendered = ParallelMap.map(stale) { page in
            Result { () throws -> Produced in
                if isStamped(page), let key = page.key, let renderStamped = page.renderStamped {
                    if let template = publisher.stampedTemplate(path: page.path), template.key == key {
                        return Produced(pages: [RenderedPage(path: page.path, bytes: template.filled(with: stamp), key: key)])
                    }
                    let template = StampedTemplate(key: key, marker: StampedTemplate.newMarker(), bytes: Data())
                    var filled = template
                    filled.bytes = try renderStamped(template.marker)
                    return Produced(
                        pages: [RenderedPage(path: page.path, bytes: filled.filled(with: stamp), key: key)],
                        template: filled, rendered: true)
                }
                let output = try page.render()
                var main = RenderedPage(path: page.path, bytes: output.main, key: page.key)
                main.linkedFile = output.linked
                return Produced(
                    pages: [main]
                        + output.extras.map { RenderedPage(path: $0.path, bytes: $0.bytes, key: page.key) },
                    rendered: true)
            }.flatMap { produced in  // fastsite: each page stored as soon as it is rendered (peak memory)
                Result { () throws -> Produced in
                    var stored = produced
                    stored.pages = try produced.pages.map(publisher.storeEarly)
                    return stored
                }
            }
        }
        PhaseTrace.mark("site.render \(stale.count)")
        var pages: [RenderedPage] = []
        pages.reserveCapacity(rendered.count)
        var templates: [String: StampedTemplate] = [:]
        var renderedCount = 0
        for result in rendered {
            let produced = try result.get()
            pages += produced.pages
            if let template = produced.template, let path = produced.pages.first?.path { templates[path] = template }
            if produced.rendered { renderedCount += 1 }
        }
        let summary = try publisher.publish(pages, keptKeys: keptKeys)
        PhaseTrace.mark("site.publish")
        if !templates.isEmpty { publisher.storeStampedTemplates(templates) }
        publisher.storeState(
            SiteStateUpdate(
                listings: input.listings, eventLog: input.eventLog, fragments: context.fragments,
                searchTerms: context.searchTerms))
        keepUntilExit?((context, planned, stale, rendered, pages, templates))
        return SiteReport(
            pages: summary.unchanged + summary.written.count, rendered: renderedCount, written: summary.written.count,
            unchanged: summary.unchanged, removed: summary.removed.count, skills: input.skills.count,
            cookbookPages: input.cookbook.count)
    }

    /// Every page of the site, in a fixed order, except the skills whose pages are all published
    /// with their current fingerprint: those come as the fingerprints of kept groups.
    func plan(_ context: SiteContext, published: PublishedRecords) -> ([PlannedPage], [String]) {
        // rebuild5: the search index (the longest part of a cold plan) is planned beside the rest;
        // it counts its pages' terms on every core, so it runs on this thread, not in an apply.
        let (search, rest) = ParallelMap.both(
            main: { SearchPage.pages(from: context, published: published) },  // searchinc: file by file
            side: { () -> (head: [PlannedPage], kept: [String], tail: [PlannedPage]) in
                var pages: [PlannedPage] = []
                pages += HomePage.pages(from: context)
                let skills = SkillPage.pages(from: context, published: published)
                pages += skills.pages
                pages += CookbookPage.pages(from: context)
                pages += DashboardPage.pages(from: context)
                pages += RoadmapPage.pages(from: context)
                pages += ReferencePage.pages(from: context)
                // sitedocs: 404, sitemap, robots, llms.txt, Markdown copies
                return (pages, skills.kept, AssetFiles.pages(from: context) + SiteFiles.pages(from: context))
            })
        return (rest.head + search + rest.tail, rest.kept)
    }

    func makeContext(_ input: SiteInput) -> SiteContext {
        var hasher = SHA256Hasher()
        hasher.update(theme.fingerprint)
        hasher.update("\(input.title)\u{0}")
        let links = SiteLinks.of(input.manifest)  // sitedocs: absolute links and edit links
        hasher.update("\(links.base ?? "-")\u{0}\(links.edit ?? "-")\u{0}")
        var context = SiteContext(
            input: input, theme: theme, commands: commands,
            generatedAt: Timestamp.string(input.now), salt: Digest.hex(hasher.finalize()),
            fragments: FragmentCache(folder: SiteBuildState(workspace: input.workspace).fragmentsFolder))
        context.links = links
        context.searchTerms = SearchTermCache(stateFolder: SiteBuildState(workspace: input.workspace).stateFolder)
        return context
    }
}

/// What rendering one planned page gave.
private struct Produced: Sendable {
    var pages: [RenderedPage]
    /// A stamped page's new template, to keep for the next build.
    var template: StampedTemplate?
    /// False when the page came from a kept template.
    var rendered = false
}

/// What one site build did.
public struct SiteReport: Sendable, Equatable, Codable {
    /// Pages and files the site has.
    public var pages: Int
    /// Pages rendered this time (the others' inputs did not change).
    public var rendered: Int
    /// Files written because their bytes changed.
    public var written: Int
    /// Files left as they were.
    public var unchanged: Int
    /// Files of an earlier build removed.
    public var removed: Int
    /// Skills shown.
    public var skills: Int
    /// Cookbook pages shown.
    public var cookbookPages: Int
}
