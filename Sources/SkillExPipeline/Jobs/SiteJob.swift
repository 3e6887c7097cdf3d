public import Foundation
public import SkillEx
public import SkillExSite

/// The site use case: load the input and theme, run the cookbook's commands, write the pages
/// whose bytes changed and the discovery index. `skillex site`, the build's site stage and each
/// rebuild of `skillex serve` run it; the caller holds the workspace lock.
public struct SiteJob: Sendable {
    /// Where it runs.
    public var context: JobContext
    /// The output folder; nil is public/.
    public var out: URL?
    /// Check every file of the last build, not only each skill's page.
    public var verify = false
    /// Leave the large values to the kernel at exit (a one-shot command); `serve` runs on.
    public var keepUntilExit = true
    /// How cookbook commands run; nil runs them with this binary (`CookbookCommands.runner`).
    public var commands: CommandBlocks?
    /// A publisher already loading its records (`prefetchedPublisher`); nil makes one.
    public var publisher: DiskPublisher?
    /// The scorecards the build's score stage wrote, passed in memory; nil reads the file.
    public var scored: ScoreRun?

    /// A site job.
    public init(context: JobContext, out: URL? = nil) {
        self.context = context
        self.out = out
    }

    /// Builds the site of `manifest`.
    public func run(_ manifest: Manifest) throws -> SiteJobReport {
        let workspace = context.workspace
        let state = SiteBuildState(workspace: workspace, out: out)
        let publisher = self.publisher ?? Self.prefetchedPublisher(workspace: workspace, out: out, verify: verify)
        let input = try SiteInput.load(workspace: workspace, manifest: manifest, scored: scored)
        PhaseTrace.mark("site.input")
        let theme = try Theme.load(overrides: workspace.root.appendingPathComponent("templates"))
        PhaseTrace.mark("site.theme")
        var site = Site(theme: theme, commands: commands ?? CookbookCommands.runner(workspace))
        if keepUntilExit { site.keepUntilExit = { KeptUntilExit.keep($0) } }
        state.beginWriting()  // sweeps a killed run's temp pages, marks the build under way
        PhaseTrace.mark("site.sweep")
        // fastincr: the discovery index is written on another core while the pages are built.
        let discoveryRun = DiscoveryIndexRun(input: input, site: state.folder)
        let report: SiteReport
        do { report = try site.build(input: input, publisher: publisher) } catch {
            _ = try? discoveryRun.finish()
            throw error
        }
        PhaseTrace.mark("site.pages")
        let discovery = try discoveryRun.finish()
        PhaseTrace.mark("site.discovery \(discovery.skills) skills, \(discovery.written) written")
        for warning in discovery.warnings { context.warn("warning: " + warning) }
        state.finishWriting()
        if keepUntilExit { KeptUntilExit.keep((input, publisher, manifest)) }
        PhaseTrace.mark("site.done")
        return SiteJobReport(report: report, folder: state.folder)
    }

    /// The publisher for `out` (default `public/`), its last build's records (read, then each page
    /// checked) already loading on another core, with the site's other state (`SiteBuildState.prefetch`):
    /// they do not depend on the manifest or the input, so a command can start this before it
    /// reads them.
    public static func prefetchedPublisher(workspace: Workspace, out: URL?, verify: Bool) -> DiskPublisher {
        let state = SiteBuildState(workspace: workspace, out: out)
        let publisher = state.publisher(verifyAll: verify)
        DispatchQueue.global().async { _ = publisher.publishedRecords() }
        state.prefetch()
        return publisher
    }
}

/// What a site build did, and where.
public struct SiteJobReport: Sendable {
    /// Pages and files: rendered, written, unchanged, removed (`skillex site --format json`).
    public var report: SiteReport
    /// The output folder.
    public var folder: URL

    /// `N files in FOLDER (R rendered, W written, U unchanged, X removed)`.
    public var summary: String {
        "\(report.pages) files in \(folder.path) (\(report.rendered) rendered, \(report.written) written, "
            + "\(report.unchanged) unchanged, \(report.removed) removed)"
    }
}
