import Foundation
import SkillEx

/// What `skillex score` prints or posts once the run is recorded.
enum ScoreOutput {
    /// Prints `run` in `format`; with `post`, first sends the check run to GitHub.
    static func emit(_ run: ScoreRun, json: Data, format: ScoreFormat, post: Bool, environment: [String: String]) async throws {
        let sha = environment["GITHUB_SHA"] ?? ""
        // Built only when used: a check-run plan of 1,000 skills is not free.
        let plan = { CheckRunPlan.build(run, headSHA: sha) }
        if post {
            guard !sha.isEmpty else { throw ExitStatus.inputError(ScoreError(description: "--post needs GITHUB_SHA (the commit to check)")) }
            let outcome: CheckRunPoster.Outcome
            do { outcome = try await CheckRunPoster(environment: environment).post(plan()) } catch {
                Terminal.err("skillex: error: \(error.description)")
                throw error.isSetting ? ExitStatus.usage : ExitStatus.failed
            }
            Terminal.err("posted check run \(outcome.id) (\(outcome.updates) update\(outcome.updates == 1 ? "" : "s"))")
        }
        switch format {
        case .text: ScoreTextReport.print(run)
        case .json: Terminal.writeJSON(json)
        case .sarif: try JSONOutput.print(SarifExport.log(run))
        case .githubChecks: try JSONOutput.print(plan())
        }
    }

    /// `--list-rules`: one line per lint and security rule, or the list as JSON
    /// (schemas/rule-list.schema.json).
    static func listRules(_ format: ScoreFormat) throws {
        let rules = RuleCatalog.all()
        guard format == .json else {
            for rule in rules {
                let level = rule.risk.map { "security, \($0.rawValue)" } ?? rule.severity.rawValue
                Terminal.out("\(rule.id) (\(level)): \(rule.summary)")
            }
            return
        }
        try JSONOutput.print(rules)
    }

    /// `--report KIND=PATH`.
    static func parseReport(_ text: String) throws -> ReportSpec {
        let parts = text.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, let kind = ReportKind(rawValue: String(parts[0])), !parts[1].isEmpty else {
            throw ExitStatus.inputError(
                ScoreError(description: "--report '\(text)': expected KIND=PATH with KIND one of \(ReportKind.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        return ReportSpec(kind: kind, path: String(parts[1]))
    }
}

extension CheckPostError {
    /// True for a missing or malformed environment variable (a usage error).
    var isSetting: Bool {
        if case .badSetting = self { return true }
        return false
    }
}
