import Foundation
@testable import SkillEx
import SkillExTestSupport
import Testing

@Suite("Skills folder detection")
struct SkillsFolderDetectorTests {
    static let skill = "---\nname: one\ndescription: One. Use when testing.\n---\n"

    @Test func prefersClaudeSkillsThenSkills() throws {
        let repo = try TestWorkspace("-- skills/one/SKILL.md --\n\(Self.skill)-- .claude/skills/.keep --\n")
        defer { repo.remove() }
        #expect(SkillsFolderDetector.detect(in: repo.root) == ".claude/skills")
        try FileManager.default.removeItem(at: repo.url(".claude"))
        #expect(SkillsFolderDetector.detect(in: repo.root) == "skills")
    }

    @Test func findsTheShallowestFolderHoldingSkillFolders() throws {
        let repo = try TestWorkspace("""
            -- tools/agent/one/SKILL.md --
            \(Self.skill)-- deep/a/b/c/two/SKILL.md --
            \(Self.skill)-- node_modules/x/three/SKILL.md --
            \(Self.skill)
            """)
        defer { repo.remove() }
        #expect(SkillsFolderDetector.detect(in: repo.root) == "tools/agent")
    }

    @Test func ignoresDependencyFoldersAndTheRootItself() throws {
        let repo = try TestWorkspace("-- SKILL.md --\n\(Self.skill)-- node_modules/pkg/one/SKILL.md --\n\(Self.skill)")
        defer { repo.remove() }
        #expect(SkillsFolderDetector.detect(in: repo.root) == nil)
        #expect(OnboardingDefaults.skillsDir(for: repo.root) == ".claude/skills")
    }
}
