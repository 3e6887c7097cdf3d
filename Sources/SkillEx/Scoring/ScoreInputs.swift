import Foundation

/// What decides a skill's scorecard besides its own files, as one digest per skill: the SkillEx
/// version (its lint rules), the scoring settings (weights, threshold, rules, budgets, history
/// bounds), the skill's repository entry and the content of that repository's reports (and of
/// `--report` files), and the skill's approval. A history point records it: a skill whose
/// checksum and inputs digest equal its last point's scores exactly as then, so it gets no new
/// point and no per-skill event.
struct ScoreInputs: Sendable {
    /// Per repository name: the digest of everything but the approval.
    private var repositories: [String: String]

    /// The digests of `manifest`'s repositories under `settings`, with `reports` read for them.
    init(_ manifest: Manifest, settings: ScoringSettings, reports: [String: RepositoryReports]) throws {
        let shared = "skillex \(SkillExVersion.current)\n" + (try JSONWriter.line(settings)) + "\n"
        var digests: [String: String] = [:]
        for repository in manifest.repositories where digests[repository.name] == nil {
            var text = shared + (try JSONWriter.line(repository)) + "\n"
            text += (reports[repository.name]?.sources ?? []).joined(separator: "\n")
            digests[repository.name] = Digest.sha256Hex(Data(text.utf8))
        }
        repositories = digests
    }

    /// The inputs digest of `entry`.
    func digest(_ entry: SkillEntry) -> String {
        var text = "\(repositories[entry.sourceRepo] ?? "no repository \(entry.sourceRepo)")\n"
        if let approval = try? entry.extra.decode(Approval.self, key: Approval.key), let line = try? JSONWriter.line(approval) {
            text += "approval " + line
        }
        return Digest.sha256Hex(Data(text.utf8))
    }
}
