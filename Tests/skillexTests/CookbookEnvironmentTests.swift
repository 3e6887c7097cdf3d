import Foundation
import SkillEx
import SkillExPipeline
import Testing

@testable import skillex

@Suite("Cookbook commands run with an allow-list environment")
struct CookbookEnvironmentTests {
    @Test("only PATH, HOME, LANG, TMPDIR and the build clock reach cookbook commands")
    func allowList() {
        let workspace = Workspace(
            root: URL(fileURLWithPath: "/nonexistent-hub"), clock: .fixed(Date(timeIntervalSince1970: 1_700_000_000)),
            environment: [
                "PATH": "/bin", "HOME": "/root", "SLACK_WEBHOOK_URL": "https://hooks.example/secret",
                "AWS_SECRET_ACCESS_KEY": "k", "GITHUB_TOKEN": "t", "SKILLEX_PUBLISH_TO": "s3://bucket/hub",
            ])
        #expect(CookbookCommands.environment(workspace) == ["PATH": "/bin", "HOME": "/root", "SOURCE_DATE_EPOCH": "1700000000"])
    }
}
