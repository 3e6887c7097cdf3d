import Foundation
import SkillEx
import SkillExSite

/// Builds the site of a workspace the way every command does (site, build, serve).
enum SiteBuild {
    /// Loads the input and theme, runs the cookbook's commands with this binary (or `commands`),
    /// writes `out`. The caller holds the workspace lock.
    static func run(
        workspace: Workspace, manifest: Manifest, out: URL? = nil, verify: Bool = false, keepUntilExit: Bool = true,
        commands: CommandBlocks? = nil, publisher prepared: DiskPublisher? = nil
    ) throws -> SiteReport {
        let state = SiteBuildState(workspace: workspace, out: out)  // #16: incremental state in one type
        let publisher = prepared ?? prefetchedPublisher(workspace: workspace, out: out, verify: verify)
        let input = try SiteInput.load(workspace: workspace, manifest: manifest)
        PhaseTrace.mark("site.input")
        let theme = try Theme.load(overrides: workspace.root.appendingPathComponent("templates"))
        PhaseTrace.mark("site.theme")
        let site = Site(theme: theme, commands: commands ?? commandRunner(workspace))
        state.beginWriting()  // #16: sweeps a killed run's temp pages, marks the build under way
        PhaseTrace.mark("site.sweep")
        let report = try site.build(input: input, publisher: publisher)
        PhaseTrace.mark("site.pages")
        let discovery = try DiscoveryIndex.write(input: input, site: state.folder)
        PhaseTrace.mark("site.discovery \(discovery.skills) skills, \(discovery.written) written")
        for warning in discovery.warnings { Terminal.err("warning: " + warning) }
        state.finishWriting()  // #16
        // A one-shot command leaves its large values to the kernel; `serve` runs on and frees them.
        if keepUntilExit { KeptUntilExit.keep((input, publisher, manifest)) }
        PhaseTrace.mark("site.done")
        return report
    }

    /// The publisher for `out` (default `public/`), its last build's records (read, then each page
    /// checked) already loading on another core: they do not depend on the manifest or the input,
    /// so a command can start this before it reads them.
    static func prefetchedPublisher(workspace: Workspace, out: URL?, verify: Bool) -> DiskPublisher {
        let publisher = SiteBuildState(workspace: workspace, out: out).publisher(verifyAll: verify)  // #16
        DispatchQueue.global().async { _ = publisher.publishedRecords() }
        return publisher
    }

    /// Runs cookbook blocks with this very binary at the workspace's time (or `epoch`); not inside
    /// a cookbook run (no recursion). The commands see only `ChildEnvironment`'s allow-list and
    /// the build clock: their output goes onto the public site, so no credential may be within
    /// their reach.
    static func commandRunner(_ workspace: Workspace, epoch: Int? = nil) -> CommandBlocks? {
        guard workspace.environment["SKILLEX_COOKBOOK_RUN"] == nil, let binary = selfExecutable() else { return nil }
        return CommandBlocks(
            executable: binary, workspace: workspace.root, environment: commandEnvironment(workspace, epoch: epoch))
    }

    /// The environment of cookbook commands: the allow-list and `SOURCE_DATE_EPOCH`.
    static func commandEnvironment(_ workspace: Workspace, epoch: Int? = nil) -> [String: String] {
        var environment = ChildEnvironment.allowing([], from: workspace.environment)
        environment["SOURCE_DATE_EPOCH"] = String(epoch ?? Int(saturating: workspace.clock.now().timeIntervalSince1970))
        return environment
    }

    /// The running binary, from `/proc/self/exe` (not `argv[0]`, which may be relative or a name).
    static func selfExecutable() -> URL? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return Bundle.main.executableURL
    }

    /// `N pages (R rendered, W written, U unchanged)`.
    static func summary(_ report: SiteReport, folder: String) -> String {
        "\(report.pages) files in \(folder) (\(report.rendered) rendered, \(report.written) written, "
            + "\(report.unchanged) unchanged, \(report.removed) removed)"
    }
}
