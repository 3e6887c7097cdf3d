import Foundation

/// Records a maintainer's approval of a skill's current version.
public struct Approver: Sendable {
    /// The hub.
    public var workspace: Workspace

    /// An approver for `workspace`.
    public init(workspace: Workspace) { self.workspace = workspace }

    /// Scores `skill` (`name` or `repo/name`) and stores `{by, at, reason, checksum, score}` as
    /// its entry's `approval`; only a name in `maintainers` may approve.
    public func approve(skill: String, by name: String, reason: String, manifest: Manifest) throws -> (Approval, Manifest) {
        let maintainers = manifest.maintainers ?? []
        guard maintainers.contains(name) else {
            throw ApprovalError.notMaintainer(name: name, maintainers: maintainers, manifest: workspace.manifestURL.path)
        }
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw ApprovalError.missingReason }
        var options = ScoreOptions()
        options.skills = [skill]
        let run = try Scorer(workspace: workspace, options: options).evaluate(manifest)
        guard run.skills.count == 1, let card = run.skills.first else {
            throw ScoreError(description: "\(skill): names \(run.skills.count) skills; give REPO/NAME")
        }
        let approval = Approval(
            by: name, at: Timestamp.string(workspace.clock.now()), reason: why, checksum: card.checksum,
            score: card.score)
        var updated = manifest
        guard let slot = updated.skills.firstIndex(where: { $0.sourceRepo == card.repo && $0.name == card.skill }) else {
            throw ApprovalError.notScored(skill: skill)
        }
        try updated.skills[slot].extra.encode(approval, key: Approval.key)
        return (approval, updated)
    }
}
