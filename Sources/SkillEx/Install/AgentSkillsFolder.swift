public import Foundation

/// Where each supported agent reads skills from: a folder in the project, and one in the user's
/// home. The paths are each agent's own documented locations (see the install cookbook page).
public struct AgentSkillsFolder: Sendable, Equatable {
    /// The agent's name as `--agent` takes it.
    public var agent: String
    /// The skills folder relative to the project root.
    public var project: String
    /// The skills folder relative to the home folder (before environment overrides).
    public var user: String

    /// Every supported agent, by name.
    public static let all: [AgentSkillsFolder] = [
        AgentSkillsFolder(agent: "claude-code", project: ".claude/skills", user: ".claude/skills"),
        AgentSkillsFolder(agent: "codex", project: ".agents/skills", user: ".agents/skills"),
        AgentSkillsFolder(agent: "cursor", project: ".cursor/skills", user: ".cursor/skills"),
        AgentSkillsFolder(agent: "gemini-cli", project: ".gemini/skills", user: ".gemini/skills"),
        AgentSkillsFolder(agent: "github-copilot", project: ".github/skills", user: ".copilot/skills"),
        AgentSkillsFolder(agent: "opencode", project: ".opencode/skills", user: ".config/opencode/skills"),
    ]

    /// The agent called `name`, or an error listing the known ones.
    public static func named(_ name: String) throws(InstallError) -> AgentSkillsFolder {
        guard let found = all.first(where: { $0.agent == name }) else {
            throw .unknownAgent(name, known: all.map(\.agent))
        }
        return found
    }

    /// The folder skills go to for `scope`: under `project`, or under the home folder, where
    /// `CLAUDE_CONFIG_DIR` (Claude Code) and `XDG_CONFIG_HOME` (OpenCode) move the user folder.
    public func folder(scope: InstallScope, project root: URL, environment: [String: String]) throws(InstallError) -> URL {
        switch scope {
        case .project:
            return root.appendingPathComponent(project, isDirectory: true).standardizedFileURL
        case .user:
            if agent == "claude-code", let dir = nonEmpty(environment["CLAUDE_CONFIG_DIR"]) {
                return URL(fileURLWithPath: dir, isDirectory: true).appendingPathComponent("skills", isDirectory: true)
            }
            if agent == "opencode", let dir = nonEmpty(environment["XDG_CONFIG_HOME"]) {
                return URL(fileURLWithPath: dir, isDirectory: true).appendingPathComponent("opencode/skills", isDirectory: true)
            }
            guard let home = nonEmpty(environment["HOME"]) else { throw .noHome }
            return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(user, isDirectory: true)
        }
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }
}

/// Whether skills go to the project's folder or the user's.
public enum InstallScope: String, Sendable, Codable, CaseIterable {
    case project, user
}
