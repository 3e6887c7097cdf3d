import ArgumentParser
import Foundation
import SkillEx
import SkillExSite

/// `skillex site`: render the workspace into a static site.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Render the cookbook, skill pages, dashboard, roadmap and reference into public/.",
        discussion: """
            Pages whose inputs did not change are not rendered or written again.
            Exit status: 0 ok, 2 bad manifest, template or cookbook command, or the workspace is \
            locked by another run (--wait waits for it).

            Examples:
              skillex site
              skillex site --manifest hub/manifest.json --out /tmp/site
              skillex site --format json
            """)

    @Option(help: "The hub manifest.") var manifest = "manifest.json"
    @Option(help: "Output folder (default: public/ beside the manifest).") var out: String?
    @Option(help: "Use this time (ISO 8601) instead of the system clock.") var clock: String?
    @Option(help: "Output format: text or json (json when stdout is not a terminal).")
    var format: OutputFormat?
    @OptionGroup var lock: LockOptions

    func run() throws {
        let context = try CommandContext(manifest: manifest, clock: clock, lock: "site", wait: lock)
        let folder = out.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let report = try context.run { try SiteBuild.run(workspace: context.workspace, manifest: $0, out: folder) }
        switch OutputFormat.resolve(format) {
        case .json: try JSONOutput.print(report)
        case .text:
            Terminal.out(SiteBuild.summary(report, folder: (folder ?? context.workspace.publicURL).path))
        }
    }
}
