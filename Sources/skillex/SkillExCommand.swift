import ArgumentParser
import CMallocTuning
import Foundation
import SkillEx

/// The `skillex` root command: lists the subcommands; only `main` exits.
@main
struct SkillExCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skillex",
        abstract: "Collect, validate, score, package, publish and document an Agent Skills hub.",
        discussion: """
            Run `skillex build` in a hub (a folder with manifest.json) to sync every repository's \
            skills, score and gate them, package them into dist/ and render the site into public/.

            Examples:
              skillex build --manifest examples/hub/manifest.json
              skillex sync --manifest manifest.json
              skillex validate path/to/skills
              skillex <command> --help
              skillex --version
            """,
        subcommands: [
            BuildCommand.self,
            SyncCommand.self,
            ValidateCommand.self,
            ScanCommand.self,  // security scan (issue #18)
            ScoreCommand.self,
            PackageCommand.self,
            PublishCommand.self,
            PullCommand.self,
            InstallCommand.self,  // issue #20: skillex install / update
            UpdateCommand.self,
            SiteCommand.self,
            ServeCommand.self,
            ReportCommand.self,
            EventsCommand.self,
            MetricsCommand.self,
            WebhooksCommand.self,
            InitCommand.self,
        ]
    )

    /// Runs the chosen command; usage errors exit 2 (not ArgumentParser's 64), as documented.
    static func main() async {
        // Thresholds for a command that ends in seconds; `serve` runs for hours and keeps the
        // defaults, which hand freed memory back.
        if CommandLine.arguments.dropFirst().first != "serve" { skillex_tune_malloc() }
        // `skillex --version` is answered here rather than through the configuration's
        // `version`, which would add a `--version` flag to every subcommand and clash with
        // v0.1's `sync --version V` (and `package --version V`): a bare `sync --version` failed
        // with "Missing value" and `sync --help` listed `--version` twice.
        if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
            Terminal.out(SkillExVersion.current)
            return
        }
        do {
            PhaseTrace.mark("main")
            var command = try parseAsRoot()
            PhaseTrace.mark("arguments")
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error).rawValue == 64 {
                Terminal.err(fullMessage(for: error))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}
