import ArgumentParser
import Foundation
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
                    + "(\(report.requests) fetches, \(report.bytesFetched) bytes); lock \(shown(report.lockfile))")
        }
    }

    static func print(frozen report: FrozenReport, format: OutputFormat?) throws {
        switch OutputFormat.resolve(format) {
        case .json: try JSONOutput.print(report)
        case .text:
            for drift in report.drift {
                Terminal.err(Terminal.paint(drift.problem, "31", fd: 2) + " \(drift.name) (\(drift.agent)): \(shown(drift.path))")
            }
            if report.drift.isEmpty {
                Terminal.out("\(report.checked) installed skills match \(shown(report.lockfile))")
            } else {
                Terminal.err("skillex: error: \(report.drift.count) of \(report.checked) installed skills differ from \(shown(report.lockfile))")
            }
        }
    }

    /// `path` relative to the current folder when it is inside it.
    static func shown(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
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
