import ArgumentParser
import Foundation
import SkillEx
import SkillExSite

/// `skillex report`: a single-file release report (HTML) or a Markdown summary.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML release report, or print a Markdown summary.",
        discussion: """
            Examples:
              skillex report --out report.html
              skillex report --format markdown >> "$GITHUB_STEP_SUMMARY"
            """)

    /// What the report is written as.
    enum Kind: String, ExpressibleByArgument { case html, markdown }

    @Option(help: "The hub manifest.") var manifest = "manifest.json"
    @Option(help: "Where to write the report (default: stdout).") var out: String?
    @Option(help: "html or markdown.") var format: Kind = .html
    @Option(help: "Use this time (ISO 8601) instead of the system clock.") var clock: String?

    func run() throws {
        let context = try CommandContext(manifest: manifest, clock: clock)
        let text = try context.run { manifest -> String in
            let input = try SiteInput.load(workspace: context.workspace, manifest: manifest)
            let report = ReleaseReport(input: input)
            switch format {
            case .markdown: return report.markdown()
            case .html:
                return report.html(theme: try Theme.load(overrides: context.workspace.root.appendingPathComponent("templates")))
            }
        }
        guard let out else { return FileHandle.standardOutput.write(Data(text.utf8)) }
        do { try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: out)) } catch {
            throw ExitStatus.inputError(error)
        }
        Terminal.out("wrote \(out)")
    }
}
