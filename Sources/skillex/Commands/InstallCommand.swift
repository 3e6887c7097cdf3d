import ArgumentParser
import Foundation
import SkillEx

/// `skillex install`: put a hub's skills into an agent's skills folder and lock them.
struct InstallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install skills from a hub's discovery index into an agent's skills folder.",
        discussion: """
            Reads the hub's /.well-known/agent-skills/index.json (a site URL, the index URL, or a \
            local public/ folder), fetches each skill, checks its digest and archive before writing \
            anything, replaces each skill's folder in one step and records it in skills-lock.json.
            --frozen installs nothing: it checks that every locked skill's folder is exactly what \
            was installed (for CI) and exits 1 when one is missing or was edited.
            Agents: \(AgentSkillsFolder.all.map(\.agent).joined(separator: ", ")).
            Exit status: 0 ok, 1 a digest, archive or --frozen check failed, 2 bad input.

            Examples:
              skillex install --from https://skills.example.com --agent claude-code
              skillex install sql-review pdf-report --from hub/public --agent codex --scope user
              skillex install --frozen --agent claude-code
            """)

    @Argument(help: "Skills to install (default: every skill in the index).") var skills: [String] = []
    @Option(help: "The hub: a site URL, an index.json URL, or a local public/ folder.") var from: String?
    @Option(help: "The agent whose skills folder to write.") var agent: String
    @Option(help: "project (the agent's folder in this project) or user (in your home).") var scope: ScopeOption = .project
    @Option(help: "The lockfile (default: ./skills-lock.json, or ~/.skillex/skills-lock.json for --scope user).")
    var lock: String?
    @Flag(help: "Install nothing; fail when an installed skill differs from the lockfile.") var frozen = false
    @Option(help: "Output format: text or json (json when stdout is not a terminal).") var format: OutputFormat?

    func validate() throws {
        if frozen && (from != nil || !skills.isEmpty) { throw ValidationError("--frozen takes no skills and no --from") }
        if !frozen && from == nil { throw ValidationError("--from is required (a hub URL or a local public/ folder)") }
    }

    func run() async throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let installer = Installer(project: cwd, environment: ProcessInfo.processInfo.environment)
        let lockURL = lock.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
        do {
            if frozen {
                let report = try installer.frozen(scope: scope.value, agent: agent, lock: lockURL)
                try InstallOutput.print(frozen: report, format: format)
                if report.status != "ok" { throw ExitStatus.failed }
                return
            }
            let report = try await installer.install(skills, from: from ?? "", agent: agent, scope: scope.value, lock: lockURL)
            try InstallOutput.print(report, format: format)
        } catch let error as InstallError {
            throw InstallOutput.exit(error)
        } catch let error as ExitCode { throw error } catch { throw ExitStatus.inputError(error) }
    }
}

