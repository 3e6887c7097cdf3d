public import Foundation
public import SkillEx

/// One synced skill as the site sees it: its manifest entry, files on disk and stage data.
public struct SkillInput: Sendable {
    /// The manifest entry.
    public var entry: SkillEntry
    /// The synced folder (`skills/<repo>/<skill>`).
    public var folder: URL
    /// Its files, or why they could not be listed.
    public var files: Result<[SkillFile], SkillFilesError>
    /// The scorecard from `.skillex/scorecards.json`, if scoring ran.
    var scorecard: ScorecardEntry?
    /// The manifest's `score_history`, oldest first.
    var history: [ScoreHistoryPoint]
    /// The manifest's `approval`, if any.
    var approval: Approval?
    /// Changes whenever anything the skill's pages show changes (files, entry, score).
    public var fingerprint: String
    /// Changes whenever what the aggregate pages show of the skill changes (entry, score, whether
    /// its files are readable), but not when only its files' content does.
    public var summaryFingerprint: String

    /// The skill's page path (`skills/<repo>/<skill>/index.html`).
    public var pagePath: String { "\(folderPath)/index.html" }
    /// The skill's folder in the site (`skills/<repo>/<skill>`).
    public var folderPath: String {
        "skills/\(PathSegment.clean(entry.sourceRepo))/\(PathSegment.clean(entry.name))"
    }

    /// The score shown for the skill: the scorecard's, else the last history point's.
    var score: Double? { scorecard?.score ?? history.last?.score }
}
