import ArgumentParser
import Foundation
import SkillEx
import SkillExSite

/// `skillex serve`: build the site, serve it on 127.0.0.1 and rebuild on every change.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site on 127.0.0.1; rebuilds within a second of a change and reloads open pages.",
        discussion: """
            Stop with Ctrl-C.

            Examples:
              skillex serve
              skillex serve --manifest examples/hub/manifest.json --port 8080
            """)

    @Option(help: "The hub manifest.") var manifest = "manifest.json"
    @Option(help: "Port on 127.0.0.1 (0 picks a free one).") var port: UInt16 = 8000
    @Option(help: "Output folder (default: public/ beside the manifest).") var out: String?

    func run() throws {
        let first = try CommandContext(manifest: manifest)
        let workspace = first.workspace
        let folder = out.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? workspace.publicURL
        let settings = try? first.manifest.extra.decode(SiteSettings.self, key: "site")
        let cookbook = URL(fileURLWithPath: settings?.cookbookDir ?? "docs/cookbook", relativeTo: workspace.root)
        let watcher = Watcher(workspace: workspace, extra: [cookbook.standardizedFileURL])
        var seen = watcher.fingerprint()
        rebuild(workspace, folder: folder)
        let server: Server
        do { server = try Server(folder: folder, port: port) } catch { throw ExitStatus.inputError(error) }
        server.start()
        Terminal.out("serving \(folder.path) on http://127.0.0.1:\(server.port)/ (Ctrl-C stops)")
        while true {
            Thread.sleep(forTimeInterval: 0.2)
            let now = watcher.fingerprint()
            guard now != seen else { continue }
            seen = now
            rebuild(workspace, folder: folder)
            server.bumpVersion()
        }
    }

    /// Reloads the manifest and rebuilds; a broken input is reported and the old site kept.
    private func rebuild(_ workspace: Workspace, folder: URL) {
        do {
            let manifest = try ManifestStore.load(workspace.manifestURL)
            let report = try SiteBuild.run(workspace: workspace, manifest: manifest, out: folder, liveReload: true)
            Terminal.out(SiteBuild.summary(report, folder: folder.path))
        } catch {
            Terminal.err("error: \(ErrorText.brief(error))")
        }
    }
}
