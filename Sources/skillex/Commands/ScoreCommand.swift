import ArgumentParser
import Foundation
import SkillEx

/// `skillex score`: score skills, record history, approve overrides, emit SARIF or a check run.
struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score synced skills, record their history and apply the quality gate.",
        discussion: """
            Scores every synced skill (or the named ones) from lint rules, static-analysis reports \
            and coverage reports; appends score_history in manifest.json and writes \
            .skillex/scorecards.json. Formula: docs/cookbook/30-scoring-and-approvals.md.
            Exit status: 0 no skill refused, 1 a skill is below the threshold without an approval \
            (or posting failed), 2 bad manifest, report or flags (including a non-maintainer --by), \
            or the workspace is locked by another run (--wait waits for it).

            Examples:
              skillex score
              skillex score k8s-rollout --format json
              skillex score --report sarif=shellcheck.sarif --report lcov=lcov.info
              skillex score --approve k8s-rollout --by alice --reason "reviewed"
              skillex score --format sarif > skillex.sarif
              skillex score --list-rules
              GITHUB_TOKEN=… GITHUB_REPOSITORY=org/hub GITHUB_SHA=… skillex score --post
            """)

    @Argument(help: "Skills to score: NAME or REPO/NAME (default: every synced skill).") var skills: [String] = []
    @Option(help: "The hub manifest.") var manifest = "manifest.json"
    @Option(help: "Record a maintainer's approval of this skill (NAME or REPO/NAME).") var approve: String?
    @Option(help: "The approving maintainer (must be in the manifest's maintainers).") var by: String?
    @Option(help: "Why the skill should ship despite its score.") var reason: String?
    @Option(help: "Extra report for every repository: KIND=PATH, KIND one of \(ReportKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var report: [String] = []
    @Option(help: "Output: text, json, sarif or github-checks (json when stdout is not a terminal).")
    var format: ScoreFormat?
    @Flag(help: "Post a check run to GitHub (GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_TOKEN).")
    var post = false
    @Flag(help: "List the lint rules (id, default severity, what they find) and exit.") var listRules = false
    @Flag(help: "Re-lint every skill instead of reusing stored scorecards of unchanged skills.") var fresh = false
    @Option(help: "Use this time (ISO 8601) instead of the system clock.") var clock: String?
    @OptionGroup var logging: LogOptions
    @OptionGroup var lock: LockOptions

    func run() async throws {
        if listRules { return try ScoreOutput.listRules(ScoreFormat.resolve(format)) }
        let context = try CommandContext(manifest: manifest, clock: clock, lock: "score", wait: lock)
        let telemetry = logging.telemetry(for: context.workspace)
        var current = context.manifest
        var options = ScoreOptions()
        options.skills = skills
        options.reportBase = FileManager.default.currentDirectoryPath
        options.reports = try report.map(ScoreOutput.parseReport)
        options.reuseStored = !fresh
        if let approve {
            guard let by, let reason else {
                throw ExitStatus.inputError(ScoreError(description: "--approve needs --by NAME and --reason TEXT"))
            }
            current = try context.run { try Approver(workspace: context.workspace).approve(skill: approve, by: by, reason: reason, manifest: $0).1 }
            if skills.isEmpty { options.skills = [approve] }
        }
        let base = current
        let recording = try context.run { _ in try Scorer(workspace: context.workspace, options: options).record(base) }
        let (run, updated) = (recording.run, recording.manifest)
        let json: Data
        do {
            try ManifestStore.save(updated, to: context.workspace.manifestURL)
            json = try ScorecardStore.write(run, manifest: updated, workspace: context.workspace)
        } catch { throw ExitStatus.inputError(error) }
        ScoreEvents.emit(run, command: "score", on: telemetry, recorded: recording.recorded)
        await WebhookNotices.send(run, recorded: recording.recorded, manifest: updated, workspace: context.workspace)
        let chosen = post && format == nil ? .githubChecks : ScoreFormat.resolve(format)
        try await ScoreOutput.emit(run, json: json, format: chosen, post: post, environment: context.workspace.environment)
        KeptUntilExit.keep((recording, base, json))
        if run.summary.refused > 0 { throw ExitStatus.failed }
    }
}
