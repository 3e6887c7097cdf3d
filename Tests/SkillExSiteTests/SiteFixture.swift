import Foundation
import SkillEx
import SkillExSite

/// A temp hub with two skills (one hostile), optional stage files, built into memory.
struct SiteFixture {
    let root: URL

    init(stageFiles: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-site-\(UUID().uuidString)")
        try write("skills/acme/pdf/SKILL.md", """
            ---
            name: pdf
            description: Builds PDF reports from Markdown tables.
            ---
            # PDF

            ## Usage

            See [the guide](references/guide.md) and [a missing file](references/nope.md).
            """)
        try write("skills/acme/pdf/references/guide.md", "# Guide\n\nRead **this**.\n")
        try write("skills/acme/evil/SKILL.md", """
            ---
            name: evil
            description: <script>alert(1)</script>
            ---
            # Evil <script>window.pwned = 1</script>

            <img src=x onerror="window.pwned=2">

            [x](javascript:alert(1))
            """)
        try write("docs/cookbook/20-second.md", "---\ntitle: Second\norder: 2\n---\n# Second\n\n## Part\n")
        try write("docs/cookbook/10-first.md", "---\ntitle: First\norder: 1\n---\n# First\n")
        try write("docs/roadmap.md", "# Roadmap\n\n- [done] Sync\n- [in progress] Scores\n- [planned] Pull\n")
        var history = ""
        if stageFiles {
            history = #", "score_history": [{"at": "2025-10-01T00:00:00Z", "score": 60}, {"at": "2025-10-02T00:00:00Z", "score": 82.5}]"#
            try write(".skillex/scorecards.json", """
                {"threshold": 70, "skills": [{"repo": "acme", "skill": "pdf", "score": 82.5, "gate": "admitted",
                  "components": [{"id": "lint", "weight": 1, "effective_weight": 1, "value": 82.5, "missing": false}],
                  "findings": [{"rule": "body.long", "severity": "warning", "message": "long", "remediation": "Split it."}]}]}
                """)
            try write(".skillex/events.jsonl", """
                {"type": "validated", "time": "2025-10-01T00:00:00Z", "run_id": "r1"}
                {"type": "anomaly.spike", "time": "2025-10-01T00:00:01Z", "run_id": "r1", "metadata": {"message": "spike!"}}
                not json
                """)
        }
        try write("manifest.json", """
            {"version": 2, "repositories": [], "site": {"title": "Test <hub>", "feedback_url": "javascript:alert(1)"},
             "skills": [
              {"name": "pdf", "source_repo": "acme", "target_path": "skills/acme/pdf", "checksum": "c1",
               "packaged_at": "2025-10-02T00:00:00Z", "description": "Builds PDF reports"\(history)},
              {"name": "evil", "source_repo": "acme", "target_path": "skills/acme/evil", "checksum": "c2",
               "packaged_at": "2025-10-02T00:00:00Z"}]}
            """)
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    var workspace: Workspace {
        Workspace(root: root, clock: .fixed(Date(timeIntervalSince1970: 1_759_500_000)))
    }

    /// Builds the site into a fresh memory publisher.
    func build(theme: Theme? = nil) throws -> (MemoryPublisher, SiteReport) {
        let manifest = try ManifestStore.load(workspace.manifestURL)
        let input = try SiteInput.load(workspace: workspace, manifest: manifest)
        let publisher = MemoryPublisher()
        let report = try Site(theme: theme ?? Theme.load()).build(input: input, publisher: publisher)
        return (publisher, report)
    }
}
