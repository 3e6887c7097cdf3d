import Foundation
@testable import SkillEx
import SkillExTestSupport
import Testing

@Suite("Onboarding plan: edited-file detection and the manifest entry")
struct OnboardingPlannerTests {
    static let hub = """
        -- manifest.json --
        {
          "version": 1,
          "repositories": [
            {"name": "old", "path": "repos/old", "custom": true}
          ],
          "site": {"url": "https://skills.example.com"}
        }
        -- repos/acme/skills/pdf/SKILL.md --
        ---
        name: pdf
        description: Fills PDF forms. Use when a form needs filling.
        ---
        Body.

        """

    func answers(_ hub: TestWorkspace) -> OnboardingAnswers {
        OnboardingAnswers(
            repository: hub.url("repos/acme"), name: "acme", skillsDir: "skills", manifest: hub.url("manifest.json"),
            ci: [.github, .gitlab])
    }

    func apply(_ plan: OnboardingPlan, replacing: Set<String> = []) throws {
        try OnboardingWriter.write(try plan.resolved(replacing: replacing))
    }

    @Test func firstRunCreatesEverythingAndSplicesTheEntry() throws {
        let hub = try TestWorkspace(Self.hub)
        defer { hub.remove() }
        let plan = try OnboardingPlanner.plan(answers(hub), manifestDisplay: "manifest.json")
        #expect(plan.files.map(\.action) == [.create, .create, .create, .create])
        #expect(plan.manifest.action == .update)
        try apply(plan)
        let manifest = try hub.read("manifest.json")
        #expect(manifest.contains("{\"name\": \"old\", \"path\": \"repos/old\", \"custom\": true},\n    {\n      \"name\": \"acme\","))
        #expect(manifest.hasSuffix("  ],\n  \"site\": {\"url\": \"https://skills.example.com\"}\n}\n"))
        #expect(try hub.read("repos/acme/README.md").contains("<https://skills.example.com/skills/acme/>"))
        let again = try OnboardingPlanner.plan(answers(hub), manifestDisplay: "manifest.json")
        #expect(try again.resolved(replacing: []).allSatisfy { $0.action == .unchanged })
    }

    @Test func aFileEditedAfterInitIsAConflictUntilReplaced() throws {
        let hub = try TestWorkspace(Self.hub)
        defer { hub.remove() }
        try apply(try OnboardingPlanner.plan(answers(hub), manifestDisplay: "manifest.json"))
        let path = "repos/acme/.github/workflows/skillex.yml"
        try hub.write(path, try hub.read(path) + "# mine\n")
        var plan = try OnboardingPlanner.plan(answers(hub), manifestDisplay: "manifest.json")
        #expect(plan.conflicts.map(\.path) == [".github/workflows/skillex.yml"])
        #expect(plan.conflicts.first?.note == "edited since skillex init wrote it")
        #expect(plan.conflicts.first?.diff.contains("-# mine\n") == true)
        try apply(plan)
        #expect(try hub.read(path).hasSuffix("# mine\n"))
        plan = try OnboardingPlanner.plan(answers(hub), manifestDisplay: "manifest.json")
        try apply(plan, replacing: [".github/workflows/skillex.yml"])
        #expect(try !hub.read(path).contains("# mine"))
        #expect(try OnboardingPlanner.plan(answers(hub), manifestDisplay: "manifest.json").conflicts.isEmpty)
    }

    @Test func aFileInitNeverWroteIsAConflictAndTemplateChangesUpdateInitsOwnFiles() throws {
        let hub = try TestWorkspace(Self.hub + "-- repos/acme/scripts/validate_skills.sh --\necho mine\n")
        defer { hub.remove() }
        let plan = try OnboardingPlanner.plan(answers(hub), manifestDisplay: "manifest.json")
        #expect(plan.conflicts.first?.note == "exists and was not written by skillex init")
        try apply(plan)
        // init wrote the workflow for skills/; answering another folder updates it without asking.
        try hub.write("repos/acme/tools/.keep", "")
        var other = answers(hub)
        other.skillsDir = "tools"
        let next = try OnboardingPlanner.plan(other, manifestDisplay: "manifest.json")
        #expect(next.files.first { $0.path == ".github/workflows/skillex.yml" }?.action == .update)
        #expect(next.notes == ["manifest.json lists 'acme' with skills_dir 'skills'; left as it is"])
    }

    @Test func theSameRepositoryUnderAnotherNameIsRefused() throws {
        let hub = try TestWorkspace(Self.hub + "-- repos/old/.keep --\n")
        defer { hub.remove() }
        var answers = answers(hub)
        answers.repository = hub.url("repos/old")
        #expect(throws: OnboardingError.invalidAnswer(
            question: "name",
            reason: "manifest.json already lists 'repos/old' as repository 'old'; run again with --name old")) {
            try OnboardingPlanner.plan(answers, manifestDisplay: "manifest.json")
        }
    }

    @Test func lineDiffHunks() {
        let old = (1...20).map(String.init).joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "\n5\n", with: "\nfive\n").replacingOccurrences(of: "\n18\n", with: "\n")
        let diff = LineDiff.unified(old: old, new: new, path: "f")
        #expect(diff == """
            --- f
            +++ f (skillex init)
            @@ -2,7 +2,7 @@
             2
             3
             4
            -5
            +five
             6
             7
             8
            @@ -15,6 +15,5 @@
             15
             16
             17
            -18
             19
             20

            """)
        #expect(LineDiff.unified(old: "a\n", new: "a\n", path: "f").isEmpty)
    }
}
