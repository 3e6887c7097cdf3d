import ArgumentParser
import SkillEx

/// Prints `skillex install` / `update` reports and maps their errors to exit codes.
enum InstallOutput {
    static func print(_ report: InstallReport, format: OutputFormat?) throws {
        switch OutputFormat.resolve(format) {
        case .json: try JSONOutput.print(report)
        case .text:
            for item in report.skills {
                Terminal.out("\(item.action) \(TerminalText.escape(item.name, newlines: false)) \(item.digest.prefix(19))…")
            }
            let changed = report.skills.filter { $0.action == "installed" || $0.action == "updated" }.count
            Terminal.out(
                Terminal.paint(report.command == "update" ? "updated" : "installed", "32")
                    + " \(changed) of \(report.skills.count) skills for \(report.agents.joined(separator: ", ")) "
                    + "(\(report.requests) fetches, \(report.bytesFetched) bytes); lock \(report.lockfile)")
        }
    }

    static func print(frozen report: FrozenReport, format: OutputFormat?) throws {
        switch OutputFormat.resolve(format) {
        case .json: try JSONOutput.print(report)
        case .text:
            for drift in report.drift {
                Terminal.err(Terminal.paint(drift.problem, "31", fd: 2) + " \(drift.name) (\(drift.agent)): \(drift.path)")
            }
            if report.drift.isEmpty {
                Terminal.out("\(report.checked) installed skills match \(report.lockfile)")
            } else {
                Terminal.err("skillex: error: \(report.drift.count) of \(report.checked) installed skills differ from \(report.lockfile)")
            }
        }
    }

    /// Exit 1 for a failed verification (after printing it), else exit 2.
    static func exit(_ error: InstallError) -> ExitCode {
        guard error.isVerificationFailure else { return ExitStatus.inputError(error) }
        Terminal.err("skillex: error: " + error.description)
        return ExitStatus.failed
    }
}

/// `--scope` as the command line takes it.
enum ScopeOption: String, ExpressibleByArgument, CaseIterable {
    case project, user

    var value: InstallScope { self == .user ? .user : .project }
}
