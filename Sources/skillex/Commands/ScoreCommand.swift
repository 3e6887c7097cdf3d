import ArgumentParser
import Foundation
import SkillEx
import SkillExPipeline

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
    @Option(help: "Record a maintainer's approval of this skill (NAME or REPO/NAME).") var approve: String?
    @Option(help: "The approving maintainer (must be in the manifest's maintainers).") var by: String?
    @Option(help: "Why the skill should ship despite its score.") var reason: String?
    @Option(help: "Extra report for every repository: KIND=PATH, KIND one of \(ReportKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var report: [String] = []
    @Flag(help: "Post a check run to GitHub (GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_TOKEN).")
    var post = false
    @Flag(help: "List the lint and security rules (id, default severity or risk, what they find) and exit.") var listRules = false
    @Flag(help: "Re-lint every skill instead of reusing stored scorecards of unchanged skills.") var fresh = false
    @OptionGroup var common: CommonOptions<ScoreFormat>

    func run() async throws {
        if listRules { return try ScoreOutput.listRules(common.resolvedFormat) }
        let fresh = fresh
        let context = try common.context(lock: "score") { Scorer.prefetch($0, storedCards: !fresh) }
        var job = ScoreJob(context: common.jobContext(context), command: "score")
        (job.options.skills, job.options.reuseStored) = (skills, !fresh)
        job.options.reportBase = FileManager.default.currentDirectoryPath
        job.options.reports = try report.map(ScoreOutput.parseReport)
        if let approve {
            guard let by, let reason else {
                throw ExitStatus.inputError(ScoreError(description: "--approve needs --by NAME and --reason TEXT"))
            }
            job.approval = ScoreJob.ApprovalRequest(skill: approve, by: by, reason: reason)
        }
        let scored = try await context.runAsync { try await job.run($0) }
        PhaseTrace.mark("score.job")
        let json = try context.run { _ in try scored.scorecardsJSON() }
        PhaseTrace.mark("score.render")
        let chosen = post && common.format == nil ? .githubChecks : common.resolvedFormat
        try await ScoreOutput.emit(scored.run, json: json, format: chosen, post: post, environment: context.workspace.environment)
        PhaseTrace.mark("score.emit")
        KeptUntilExit.keep((scored, json))
        if scored.status == .problems { throw ExitStatus.failed }
    }
}
