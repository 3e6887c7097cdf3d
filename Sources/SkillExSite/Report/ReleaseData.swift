/// What the release report says: what is in a release, what was kept out and why, the approvals
/// it ships on, and what changed since the previous version. `skillex report --format json`
/// prints it (`schemas/report.schema.json`); the HTML and Markdown forms are drawn from it.
/// Absent optional fields mean "not known" (no pack, no scorecard, no previous version).
struct ReleaseData: Sendable, Encodable, Equatable {
    /// Shape version of this document.
    var format = 1
    var title: String
    var generatedAt: String
    /// The version reported on (`dist/index.json`'s latest unless asked), absent before any pack.
    var version: String?
    /// The version before it, absent for a first release.
    var previousVersion: String?
    /// When the release was packed (the pack's own timestamp).
    var createdAt: String?
    var pack: Artifact?
    /// `scoring.threshold` of the latest scoring run.
    var threshold: Double?
    var summary: Summary
    /// The skills the release's pack holds.
    var included: [Included]
    /// Skills of the hub (or of its repositories) that the release does not carry, with why.
    var keptOut: [KeptOut]
    /// Every recorded approval, whether it still holds or not.
    var approvals: [ApprovalRow]
    /// What changed since `previousVersion` (absent for a first release).
    var changes: Changes?
    /// Things the report could not establish (a missing pack index…), one line each.
    var notes: [String]

    /// A file of the release.
    struct Artifact: Sendable, Encodable, Equatable {
        var file: String
        var size: Int64?
        var sha256: String?
    }

    /// Counts of every list.
    struct Summary: Sendable, Encodable, Equatable {
        var included = 0, keptOut = 0, invalid = 0, refused = 0, notPacked = 0
        var approvals = 0, added = 0, changed = 0, removed = 0, scoreMoves = 0

        enum CodingKeys: String, CodingKey {
            case included, keptOut = "kept_out", invalid, refused, notPacked = "not_packed"
            case approvals, added, changed, removed, scoreMoves = "score_moves"
        }
    }

    /// A skill in the release.
    struct Included: Sendable, Encodable, Equatable {
        var repo: String
        var skill: String
        var checksum: String
        /// Its score at this checksum, if scored.
        var score: Double?
        /// The gate's verdict on this checksum (`admitted`, `approved`…), if scored at it.
        var gate: String?
        /// `added`, `changed` or `unchanged` since the previous version (absent for a first release).
        var change: String?
    }

    /// Why a skill is not in the release.
    enum Reason: String, Sendable, Encodable, Equatable {
        /// Its source failed validation at the last sync.
        case invalid
        /// It scored below the threshold with no approval that holds.
        case refused
        /// It is in the hub but the pack was made without it (synced after packing).
        case notPacked = "not_packed"
    }

    /// A skill kept out of the release.
    struct KeptOut: Sendable, Encodable, Equatable {
        var repo: String
        var skill: String
        var reason: Reason
        /// One line: the validation error, or the score against the threshold.
        var message: String
        /// The validation error's code (`invalid_skill`, `unsafe_symlink`…), for `invalid`.
        var errorCode: String?
        var score: Double?
        var threshold: Double?
        /// The most severe findings (at most 3), for `refused`.
        var findings: [Finding]
        /// An approval recorded for an earlier version of the skill, for `refused`.
        var staleApproval: ApprovalRow?
        /// True when the release carries an earlier (valid, admitted) copy of the skill.
        var earlierCopyIncluded: Bool

        enum CodingKeys: String, CodingKey {
            case repo, skill, reason, message, errorCode = "error_code", score, threshold, findings
            case staleApproval = "stale_approval", earlierCopyIncluded = "earlier_copy_included"
        }
    }

    /// A scorecard finding.
    struct Finding: Sendable, Encodable, Equatable {
        var rule: String
        var severity: String
        var message: String
        var file: String?
        var line: Int?
        var remediation: String?
    }

    /// A maintainer's approval of a skill below the threshold.
    struct ApprovalRow: Sendable, Encodable, Equatable {
        var repo: String
        var skill: String
        var by: String
        var at: String
        var reason: String
        /// The checksum approved.
        var checksum: String?
        /// The score when approved.
        var score: Double?
        /// True while the skill still has the approved checksum.
        var holds: Bool
        /// True when the release carries the skill.
        var included: Bool
    }

    /// Differences between the previous version's pack and this one's.
    struct Changes: Sendable, Encodable, Equatable {
        var from: String
        var added: [SkillChange]
        var changed: [SkillChange]
        var removed: [SkillChange]
        /// Skills in both versions whose score moved (changed skills: the score recorded for the
        /// previous checksum against the one for the new).
        var scoreMoves: [ScoreMove]

        enum CodingKeys: String, CodingKey { case from, added, changed, removed, scoreMoves = "score_moves" }
    }

    /// One added, changed or removed skill.
    struct SkillChange: Sendable, Encodable, Equatable {
        var repo: String
        var skill: String
        /// Its checksum in this release (absent when removed).
        var checksum: String?
        /// Its checksum in the previous release (absent when added).
        var previousChecksum: String?
        var score: Double?
        var previousScore: Double?
        /// For a removed skill: `refused`, `invalid`, `not_packed` or `gone` (no longer in the hub).
        var why: String?

        enum CodingKeys: String, CodingKey {
            case repo, skill, checksum, previousChecksum = "previous_checksum", score
            case previousScore = "previous_score", why
        }
    }

    /// A score that moved between the two versions.
    struct ScoreMove: Sendable, Encodable, Equatable {
        var repo: String
        var skill: String
        var from: Double
        var to: Double
        /// `to - from`, rounded to one decimal.
        var delta: Double
    }

    enum CodingKeys: String, CodingKey {
        case format, title, generatedAt = "generated_at", version, previousVersion = "previous_version"
        case createdAt = "created_at", pack, threshold, summary, included, keptOut = "kept_out", approvals
        case changes, notes
    }
}
