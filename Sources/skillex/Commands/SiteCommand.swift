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
            Pages whose inputs did not change are not rendered or written again. Each build \
            checks that every skill's page and every page outside skills/ is still in the output \
            folder; --verify also checks every file inside the skills' folders (a file removed \
            there by hand otherwise comes back when its skill changes) and writes again every \
            page that carries live-reload code (left by an older `skillex serve`, or pasted in).
            Exit status: 0 ok, 2 bad manifest, template or cookbook command, or the workspace is \
            locked by another run (--wait waits for it).

            Examples:
              skillex site
              skillex site --manifest hub/manifest.json --out /tmp/site
              skillex site --format json
              skillex site --verify
            """)

    @Option(help: "The hub manifest.") var manifest = "manifest.json"
    @Option(help: "Output folder (default: public/ beside the manifest).") var out: String?
    @Option(help: "Use this time (ISO 8601) instead of the system clock.") var clock: String?
    @Flag(help: "Check that every file of the last build is still in the output folder, and no page carries live-reload code.")
    var verify = false
    @Option(help: "Output format: text or json (json when stdout is not a terminal).")
    var format: OutputFormat?
    @OptionGroup var lock: LockOptions

    func run() throws {
        let folder = out.map { URL(fileURLWithPath: $0).standardizedFileURL }
        var publisher: DiskPublisher?
        let context = try CommandContext(manifest: manifest, clock: clock, lock: "site", wait: lock) { workspace in
            publisher = SiteBuild.prefetchedPublisher(workspace: workspace, out: folder, verify: verify)
        }
        let report = try context.run {
            try SiteBuild.run(workspace: context.workspace, manifest: $0, out: folder, verify: verify, publisher: publisher)
        }
        switch OutputFormat.resolve(format) {
        case .json: try JSONOutput.print(report)
        case .text:
            Terminal.out(SiteBuild.summary(report, folder: (folder ?? context.workspace.publicURL).path))
        }
    }
}
