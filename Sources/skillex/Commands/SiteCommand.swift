import ArgumentParser
import Foundation
import SkillEx
import SkillExPipeline
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

    @Option(help: "Output folder (default: public/ beside the manifest).") var out: String?
    @Flag(help: "Check that every file of the last build is still in the output folder, and no page carries live-reload code.")
    var verify = false
    @OptionGroup var common: StandardOptions

    func run() throws {
        let folder = out.map { URL(fileURLWithPath: $0).standardizedFileURL }
        var publisher: DiskPublisher?
        let context = try common.context(lock: "site") { workspace in
            publisher = SiteJob.prefetchedPublisher(workspace: workspace, out: folder, verify: verify)
            // The stored scorecards decode on another core while the manifest is read.
            ScorecardStore.prefetch(workspace)
        }
        var job = SiteJob(context: common.quietJobContext(context), out: folder)
        (job.verify, job.publisher) = (verify, publisher)
        let built = try context.run { try job.run($0) }
        switch common.resolvedFormat {
        case .json: try JSONOutput.print(built.report)
        case .text: Terminal.out(built.summary)
        }
    }
}
