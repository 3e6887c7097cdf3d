import ArgumentParser
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
            """,
        version: SkillExVersion.current,
        subcommands: [
            SyncCommand.self,
            ValidateCommand.self,
            BuildCommand.self,
            SiteCommand.self,
            ServeCommand.self,
            ReportCommand.self,
        ]
    )
}
