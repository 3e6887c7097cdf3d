import ArgumentParser
import Foundation
import SkillEx
import SkillExSite

/// `skillex serve`: sync, build the site, serve it on 127.0.0.1 and rebuild on every change.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site on 127.0.0.1; re-syncs, re-scores and rebuilds within a second of a change and reloads open pages.",
        discussion: """
            Watches the repositories' skills folders (an edited skill is synced and scored again), \
            the manifest, docs/, templates/, the cookbook, the pack index and the event log. \
            The output folder gets exactly what `skillex site` writes: the live-reload script is \
            added to pages as they are served, never to files. The workspace lock is taken for \
            each rebuild only, so a `skillex build --wait` beside a preview waits at most one \
            rebuild, and the preview waits for it in turn. Stop with Ctrl-C.

            Examples:
              skillex serve
              skillex serve --manifest examples/hub/manifest.json --port 8080
            """)

    @Option(help: "The hub manifest.") var manifest = "manifest.json"
    @Option(help: "Port on 127.0.0.1 (0 picks a free one).") var port: UInt16 = 8000
    @Option(help: "Output folder (default: public/ beside the manifest).") var out: String?

    func run() throws {
        let context = try CommandContext(manifest: manifest)
        let workspace = context.workspace
        let folder = out.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let settings = try? context.manifest.extra.decode(SiteSettings.self, key: "site")
        let cookbook = URL(fileURLWithPath: settings?.cookbookDir ?? "docs/cookbook", relativeTo: workspace.root)
        // The port first, so a taken one fails before a build; requests wait until the first build.
        let server: Server
        do { server = try Server(folder: folder ?? workspace.publicURL, port: port) } catch {
            throw ExitStatus.inputError(error)
        }
        var preview = PreviewLoop(
            workspace: workspace, folder: folder, manifest: context.manifest, cookbook: cookbook.standardizedFileURL)
        while !preview.step() { Thread.sleep(forTimeInterval: 0.1) }
        server.start()
        Terminal.out("serving \((folder ?? workspace.publicURL).path) on http://127.0.0.1:\(server.port)/ (Ctrl-C stops)")
        while true {
            Thread.sleep(forTimeInterval: 0.1)
            _ = preview.step(published: server.bumpVersion)
        }
    }
}
