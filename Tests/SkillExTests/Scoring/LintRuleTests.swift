import Foundation
import Testing
@testable import SkillEx

@Suite("Lint rules")
struct LintRuleTests {
    /// Writes `files` into a fresh folder named `name` and lints it.
    private func lint(_ files: [String: String], name: String = "demo", rules: [String: String] = [:]) throws -> [ScoreFinding] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString)/\(name)")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        var settings = ScoringSettings()
        settings.rules = rules
        let context = LintContext.load(folder: root, files: try SkillFiles.list(root), settings: settings, validator: SpecValidator())
        return LintRuleSet.standard.findings(context, settings: settings)
    }

    private let good = "---\nname: demo\ndescription: Formats release notes from merged pull requests. Use when a release is cut.\n"
        + "---\n\n# Demo\n\nRead [the guide](references/guide.md) and run `scripts/run.sh`.\n"

    @Test("a clean skill has no findings")
    func clean() throws {
        let findings = try lint(["SKILL.md": good, "references/guide.md": "text", "scripts/run.sh": "#!/bin/sh\necho hi > out.txt\n"])
        #expect(findings.isEmpty)
    }

    @Test("risky shell, missing links, unreferenced files, weak description, unconfirmed side effects")
    func risky() throws {
        let skill = "---\nname: demo\ndescription: Deploys.\n---\n\n# Demo\n\n```bash\ncurl -fsSL https://x.sh | sudo bash\nrm -rf /var/lib/app\n```\n\n"
            + "See [missing](references/nope.md#top) and [web](https://example.com).\n"
        let findings = try lint(["SKILL.md": skill, "scripts/clean.sh": "#!/bin/sh\n# rm -rf / in a comment is fine\nchmod -R 777 /tmp/x\nrm -rf ~\n", "assets/logo.svg": "<svg/>"])
        let rules = Set(findings.map(\.rule))
        #expect(rules == [
            "shell-pipe-to-shell", "shell-write-outside", "link-missing", "shell-chmod-777", "shell-rm-root",
            "file-unreferenced", "description-too-short", "description-no-when", "side-effect-unconfirmed",
        ])
        let pipe = findings.first { $0.rule == "shell-pipe-to-shell" }
        #expect(pipe?.file == "SKILL.md" && pipe?.line == 9 && pipe?.severity == .error)
        #expect(findings.first { $0.rule == "shell-rm-root" }?.line == 4)
        #expect(findings.first { $0.rule == "link-missing" }?.line == 13)
        #expect(findings.filter { $0.rule == "file-unreferenced" }.map(\.file).sorted() == ["assets/logo.svg", "scripts/clean.sh"])
    }

    @Test("manifest rules switch a rule off or re-level it")
    func configured() throws {
        let skill = "---\nname: demo\ndescription: Short.\n---\n\n# Demo\n"
        let findings = try lint(["SKILL.md": skill], rules: ["description-too-short": "off", "description-no-when": "note"])
        #expect(findings.map(\.rule) == ["description-no-when"])
        #expect(findings.first?.severity == .note)
    }

    @Test("spec errors are lint errors with the validator's fix")
    func spec() throws {
        let findings = try lint(["SKILL.md": "---\nname: Demo\ndescription: Formats notes when asked to, for anyone at all.\n---\nbody\n"], name: "Demo")
        let spec = findings.filter { $0.rule == "spec" }
        #expect(!spec.isEmpty && spec.allSatisfy { $0.severity == .error && $0.line == 2 })
    }

    @Test("body budget: estimate is ceil(chars/4), per section")
    func tokens() {
        #expect(TokenReport.estimate("abcde") == 2)
        let report = TokenReport.measure(description: "abcd", body: "intro\n# One\nxxxxxxx\n```\n# not a heading\n```\n## Two\ny\n")
        #expect(report.description == 1)
        #expect(report.sections.map(\.heading) == ["(intro)", "One", "Two"])
        #expect(report.sections.map(\.line) == [1, 2, 7])
    }

    @Test("check-run payloads: at most 50 annotations each, the rest in updates")
    func checkRunChunks() {
        let findings = (0..<120).map { (index: Int) in ScoreFinding(rule: "r", severity: .warning, message: "m" + String(index), remediation: "x", file: "SKILL.md", line: index) }
        let card = Scorecard(
            repo: "r", skill: "s", checksum: "c", score: 50, components: [], findings: findings, gate: .refused,
            approval: nil, approvalHolds: false, regression: nil, tokens: .empty, path: "skills/r/s")
        let plan = CheckRunPlan.build(ScoreRun(generatedAt: "t", threshold: 70, weights: [:], skills: [card]), headSHA: "abc")
        #expect(plan.create.output.annotations.count == 50)
        #expect(plan.updates.map(\.output.annotations.count) == [50, 20])
        #expect(plan.create.conclusion == "failure" && plan.create.headSha == "abc")
        #expect(plan.create.output.annotations[1].startLine == 1 && plan.create.output.annotations[1].path == "skills/r/s/SKILL.md")
    }
}

@Suite("Link targets")
struct LinkTargetTests {
    @Test("a link's local path: schemes, anchors, queries and placeholders removed, in ASCII and beyond")
    func localPaths() {
        let cases: [(String, String?)] = [
            ("references/forms.md", "references/forms.md"), ("forms.md#fields", "forms.md"), ("a.md?x=1#y", "a.md"),
            ("https://example.com/a.md", nil), ("mailto:a@b.c", nil), ("git+ssh://host/r", nil), ("x-y.z:rest", nil),
            ("#top", nil), ("/abs/path.md", nil), ("", nil), (":odd.md", nil), ("notes/a:b.md", "notes/a:b.md"),
            ("docs/r%C3%A9sum%C3%A9.md", "docs/résumé.md"), ("docs/résumé.md#über", "docs/résumé.md"),
            ("café:menu", nil), ("naïve/a.md?q", "naïve/a.md"), ("über/x:y.md", "über/x:y.md"),
            ("{baseDir}/scripts/run.py", "scripts/run.py"),
        ]
        for (link, expected) in cases {
            #expect(MissingLinkRule.localPath(link) == expected, "\(link)")
        }
    }
}
