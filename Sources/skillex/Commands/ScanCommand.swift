import ArgumentParser
import Foundation
import SkillEx

/// `skillex scan PATH...`: the security rules alone, on skill folders, without a hub.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan skill folders for hidden text, secrets, exfiltration and prompt injection.",
        discussion: """
            A PATH is a skill folder (it holds SKILL.md) or a folder of skill folders. No hub is
            needed. Secrets are always shown masked. Rules and risks: docs/security-scanning.md.
            Exit status: 0 nothing refused, 1 a finding refuses a skill (--refuse), 2 usage or
            input error (a missing path, a skill that cannot be read safely).

            Examples:
              skillex scan my-skill
              skillex scan .claude/skills --format sarif > security.sarif
              skillex scan skills/ --refuse critical,high --format json
            """)

    /// Output formats of `scan`.
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif }

    @Argument(help: "Skill folders, or folders of skill folders.")
    var paths: [String]

    @Option(help: "Output format: text, json or sarif (json when stdout is not a terminal).")
    var format: Format?

    @Option(help: "Comma-separated risks that refuse a skill: critical, high, medium, low (default critical).")
    var refuse = "critical"

    func run() throws {
        var risks: [SecurityRisk] = []
        for name in refuse.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let risk = SecurityRisk(rawValue: name) else {
                throw ValidationError("--refuse: '\(name)' is not one of critical, high, medium, low")
            }
            risks.append(risk)
        }
        let report: SecurityScanReport
        do { report = try SkillScanner.scan(paths: paths, policy: SecurityPolicy(refuse: risks)) } catch {
            throw ExitStatus.inputError(error)
        }
        let chosen = format ?? ScoreFormat.resolve(nil).scanFormat
        switch chosen {
        case .json: try JSONOutput.print(report)
        case .sarif: try JSONOutput.print(report.sarif())
        case .text: for line in report.textLines() { Terminal.out(line) }
        }
        if report.refused { throw ExitStatus.failed }
        if report.hasErrors { throw ExitCode(2) }
    }
}

extension ScoreFormat {
    /// The `scan` format matching a resolved score format (github-checks has none: json).
    var scanFormat: ScanCommand.Format { ScanCommand.Format(rawValue: rawValue) ?? .json }
}
