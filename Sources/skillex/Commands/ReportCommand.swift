import ArgumentParser
import Foundation
import SkillEx
import SkillExPipeline

/// `skillex report`: the release report as one self-contained HTML file, a Markdown summary, or
/// its data as JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the release report: what a release holds, what was kept out and why, what changed.",
        discussion: """
            Reports on the latest version in dist/index.json (or --version): the skills its pack \
            holds, the skills kept out (invalid at the last sync, refused by the gate with score, \
            threshold and top findings, or not packed), the approvals it ships on, and the skills \
            added, changed and removed since the version before it, with score moves. \
            The JSON form follows schemas/report.schema.json.
            Exit status: 0 ok, 2 bad input (an unknown --version, a malformed stage file).

            Examples:
              skillex report --out report.html
              skillex report --version 1.3.0 --format json > report.json
              skillex report --format markdown >> "$GITHUB_STEP_SUMMARY"
            """)

    /// What the report is written as.
    enum Kind: String, ExpressibleByArgument { case html, markdown, json }

    @Option(help: "The hub manifest.") var manifest = "manifest.json"
    @Option(help: "Where to write the report (default: stdout).") var out: String?
    @Option(help: "html, markdown or json.") var format: Kind = .html
    @Option(help: "The version to report on (default: the latest in dist/index.json).") var version: String?
    @Option(help: "Use this time (ISO 8601) instead of the system clock.") var clock: String?

    func run() throws {
        let context = try CommandContext(manifest: manifest, clock: clock)
        let form = ReportJob.Form(rawValue: format.rawValue) ?? .html
        let data = try context.run { try ReportJob(workspace: context.workspace, version: version).run($0, form: form) }
        guard let out else { return FileHandle.standardOutput.write(data) }
        do { try AtomicFile.write(data, to: URL(fileURLWithPath: out)) } catch {
            throw ExitStatus.inputError(error)
        }
        Terminal.out("wrote \(out)")
    }
}
