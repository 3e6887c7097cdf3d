import ArgumentParser
import Foundation
import SkillEx

/// `skillex init [REPO_PATH]`: onboard a repository into the hub, by questions or by flags.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Onboard a repository: manifest entry, validator script, CI snippets, README section, first skill.",
        discussion: """
            On a terminal it asks one question at a time (Enter accepts the [default]), shows what \
            it will write and asks to confirm; Ctrl-C at any question writes nothing. With --yes, or \
            when stdin is not a terminal, it asks nothing and uses the flags and defaults. Re-running \
            is safe: the manifest entry is never duplicated, and a file a person edited since init \
            wrote it (tracked in the repository's .skillex/init.json) is shown as a diff and replaced \
            only if they agree — with --yes it is kept and reported.
            Exit status: 0 done (or nothing to do), 2 bad answer, flag or manifest, 130 interrupted.

            Examples:
              skillex init repos/data-team
              skillex init . --manifest ../hub/manifest.json
              skillex init repos/data-team --yes --ci github,gitlab --skill csv-audit \\
                --description "Audits CSV exports. Use when an import fails."
              skillex init repos/data-team --yes --dry-run
            """)

    @Argument(help: "The repository to onboard (default: the current folder).") var repoPath = "."
    @Option(help: "The repository's name in the hub (default: its folder name).") var name: String?
    @Option(help: "Its skills folder (default: detected, else .claude/skills).") var skillsDir: String?
    @Option(help: "The hub's manifest.json (default: ./manifest.json, else the nearest above the repository).")
    var manifest: String?
    @Option(help: "CI snippets to write: github, gitlab, buildkite (comma-separated) or none (default: detected, else github).")
    var ci: String?
    @Option(help: "Scaffold a first skill with this name.") var skill: String?
    @Option(help: "The first skill's description (with --skill).") var description: String?
    @Flag(inversion: .prefixedNo, help: "Write the README section (default: yes).") var readme: Bool?
    @Flag(help: "Ask nothing: flags and defaults answer every question; edited files are kept.") var yes = false
    @Flag(help: "Print what would be written (with diffs); write nothing.") var dryRun = false
    @Option(help: "Output format: text or json (json when stdout is not a terminal).") var format: OutputFormat?

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let repository = URL(fileURLWithPath: repoPath, relativeTo: cwd).standardizedFileURL
        let flags = InitFlags(
            repoPath: repoPath, name: name, skillsDir: skillsDir, manifest: manifest, ci: ci, skill: skill,
            description: description, readme: readme)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: repository.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ExitStatus.inputError(OnboardingError.unreadable(path: repoPath, reason: "is not a folder (the repository to onboard)"))
        }
        let interactive = !yes && Terminal.isInteractive(0)
        let session = InitSession(flags: flags, repository: repository, workingDirectory: cwd, dryRun: dryRun)
        try interactive ? session.runInteractive() : session.runUnattended(format: OutputFormat.resolve(format))
    }
}
