import ArgumentParser
import Foundation
import SkillEx

/// `skillex update`: bring locked skills up to their hub, fetching only the ones that changed.
struct UpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Update skills installed by skillex install, fetching only those whose digest changed.",
        discussion: """
            Reads skills-lock.json, fetches each hub's index once, and fetches, verifies and swaps in \
            only the skills whose digest differs from the lock; then rewrites the lock.
            Exit status: 0 ok, 1 a digest or archive check failed, 2 bad input (no lockfile, bad index).

            Examples:
              skillex update
              skillex update --scope user --format json
            """)

    @Option(help: "project or user: which lockfile to read (see skillex install).") var scope: ScopeOption = .project
    @Option(help: "The lockfile (default as for skillex install).") var lock: String?
    @Option(help: "Output format: text or json (json when stdout is not a terminal).") var format: OutputFormat?

    func run() async throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let installer = Installer(project: cwd, environment: ProcessInfo.processInfo.environment)
        let lockURL = lock.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
        do {
            try InstallOutput.print(try await installer.update(scope: scope.value, lock: lockURL), format: format)
        } catch let error as InstallError {
            throw InstallOutput.exit(error)
        } catch { throw ExitStatus.inputError(error) }
    }
}
