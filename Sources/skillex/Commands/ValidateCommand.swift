import ArgumentParser
import Foundation
import SkillEx

/// `skillex validate PATH...`: checks skills against the Agent Skills specification.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check skill folders against the Agent Skills specification.",
        discussion: """
            A PATH is a skill folder (it holds SKILL.md) or a folder of skill folders.
            Exit status: 0 every skill is valid, 1 any is invalid, 2 usage error.

            Examples:
              skillex validate .claude/skills
              skillex validate --strict my-skill
              skillex validate skills/acme --format json
            """)

    @Argument(help: "Skill folders, or folders of skill folders.")
    var paths: [String]

    @Flag(help: "Follow the reference validator skills-ref exactly.")
    var strict = false

    @Option(help: "Output format: text or json (json when stdout is not a terminal).")
    var format: OutputFormat?

    func run() throws {
        let validator = SpecValidator(mode: strict ? .strict : .standard)
        var results: [SkillValidation] = []
        for path in paths {
            let found: (folders: [URL], undecodable: [String])
            do { found = try SkillDiscovery.discover(at: URL(fileURLWithPath: path)) } catch {
                throw ExitStatus.inputError(error)
            }
            results += found.folders.map { validator.validate(folder: $0) }
            results += found.undecodable.map(SkillValidation.undecodableFolder)
        }
        let report = ValidationReport(results: results, mode: validator.mode)
        switch OutputFormat.resolve(format) {
        case .json: try JSONOutput.print(report)
        case .text: printText(report)
        }
        if !report.isValid { throw ExitStatus.failed }
    }

    private func printText(_ report: ValidationReport) {
        for skill in report.skills {
            let mark = skill.valid ? Terminal.paint("✓", "32") : Terminal.paint("✗", "31")
            Terminal.out("\(mark) \(skill.path)")
            for finding in skill.findings {
                let level = finding.severity == .error ? Terminal.paint("error", "31") : Terminal.paint("warning", "33")
                Terminal.out("    \(level): \(finding.line)")
            }
        }
        Terminal.out("\(report.valid) valid, \(report.invalid) invalid (\(report.mode) mode)")
    }
}
