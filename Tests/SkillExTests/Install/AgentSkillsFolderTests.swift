import Foundation
import Testing
@testable import SkillEx

@Suite("Agent skills folders")
struct AgentSkillsFolderTests {
    private let project = URL(fileURLWithPath: "/work/project")
    private let env = ["HOME": "/home/ada"]

    @Test(arguments: [
        ("claude-code", "/work/project/.claude/skills", "/home/ada/.claude/skills"),
        ("codex", "/work/project/.agents/skills", "/home/ada/.agents/skills"),
        ("cursor", "/work/project/.cursor/skills", "/home/ada/.cursor/skills"),
        ("gemini-cli", "/work/project/.gemini/skills", "/home/ada/.gemini/skills"),
        ("github-copilot", "/work/project/.github/skills", "/home/ada/.copilot/skills"),
        ("opencode", "/work/project/.opencode/skills", "/home/ada/.config/opencode/skills"),
    ])
    func eachAgentHasItsDocumentedFolders(agent: String, projectPath: String, userPath: String) throws {
        let folder = try AgentSkillsFolder.named(agent)
        #expect(try folder.folder(scope: .project, project: project, environment: env).path == projectPath)
        #expect(try folder.folder(scope: .user, project: project, environment: env).path == userPath)
    }

    @Test func environmentMovesTheUserFolders() throws {
        let claude = try AgentSkillsFolder.named("claude-code")
            .folder(scope: .user, project: project, environment: ["HOME": "/h", "CLAUDE_CONFIG_DIR": "/cfg/claude"])
        #expect(claude.path == "/cfg/claude/skills")
        let opencode = try AgentSkillsFolder.named("opencode")
            .folder(scope: .user, project: project, environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/xdg"])
        #expect(opencode.path == "/xdg/opencode/skills")
    }

    @Test func unknownAgentsAndAMissingHomeAreErrors() {
        #expect(throws: InstallError.self) { try AgentSkillsFolder.named("vim") }
        #expect(throws: InstallError.noHome) {
            try AgentSkillsFolder.named("cursor").folder(scope: .user, project: project, environment: [:])
        }
    }
}
