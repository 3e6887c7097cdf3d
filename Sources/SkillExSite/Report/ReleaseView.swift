import SkillEx

/// The release report's view model: `ReleaseData` with every number formatted and every label
/// chosen, for `report.mustache` (which escapes every value) and the Markdown summary.
struct ReleaseView: Sendable, Encodable {
    struct Pack: Sendable, Encodable { var version: String; var skills: String; var size: String; var file: String; var sha256: String; var createdAt: String? }
    struct Included: Sendable, Encodable {
        var repo: String; var name: String; var score: String; var gate: String; var gateClass: String
        var change: String?; var changeClass: String; var checksum: String
    }
    struct Invalid: Sendable, Encodable { var repo: String; var name: String; var code: String; var message: String; var earlier: Bool }
    struct Finding: Sendable, Encodable { var severity: String; var rule: String; var message: String; var location: String?; var remediation: String? }
    struct Refused: Sendable, Encodable {
        var repo: String; var name: String; var score: String; var threshold: String; var message: String
        var findings: [Finding]; var hasFindings: Bool; var stale: String?
    }
    struct NotPacked: Sendable, Encodable { var repo: String; var name: String; var message: String }
    struct ApprovalRow: Sendable, Encodable {
        var repo: String; var name: String; var by: String; var at: String; var reason: String; var score: String
        var holds: Bool; var holdsText: String; var included: Bool
    }
    struct Change: Sendable, Encodable { var repo: String; var name: String; var score: String; var previousScore: String; var why: String }
    struct Move: Sendable, Encodable { var repo: String; var name: String; var from: String; var to: String; var delta: String; var up: Bool }
    struct Changes: Sendable, Encodable {
        var from: String; var added: [Change]; var changed: [Change]; var removed: [Change]; var moves: [Move]
        var none: Bool
        var hasAdded: Bool, hasChanged: Bool, hasRemoved: Bool, hasMoves: Bool
    }
    struct HubRow: Sendable, Encodable {
        var repo: String; var name: String; var status: String; var statusClass: String; var score: String?; var checksum: String
    }

    var title: String
    var generatedAt: String
    var version: String?
    var lead: String
    var pack: Pack?
    var distribution: ChartModel?
    var included: [Included]
    var invalid: [Invalid]
    var refused: [Refused]
    var notPacked: [NotPacked]
    var hasKeptOut: Bool
    var approvals: [ApprovalRow]
    var changes: Changes?
    /// Why there is no list of changes (first release, unknown previous pack).
    var changesNote: String
    var notes: [String]
    var skills: [HubRow]
    var hasIncluded = false, hasInvalid = false, hasRefused = false, hasNotPacked = false
    var hasApprovals = false, hasNotes = false

    init(_ data: ReleaseData, input: SiteInput) {
        title = data.title
        generatedAt = data.generatedAt
        version = data.version
        let s = data.summary
        lead = "Generated \(data.generatedAt). "
            + (data.version.map { "Version \($0): \(s.included) skills included, " } ?? "No pack yet: ")
            + "\(s.keptOut) kept out (\(s.invalid) invalid, \(s.refused) refused, \(s.notPacked) not packed), "
            + "\(s.approvals) approvals."
        if let version = data.version, let artifact = data.pack {
            pack = Pack(
                version: version, skills: String(data.included.count), size: Formatting.size(artifact.size),
                file: artifact.file, sha256: artifact.sha256 ?? "",
                // 1980-01-01 is the reproducible default, not a time anyone packed at.
                createdAt: data.createdAt.flatMap { $0.hasPrefix("1980-01-01") ? nil : $0 })
        }
        distribution = DashboardPage.distribution(input)
        included = data.included.map { skill in
            let gate = Self.gate(skill.gate)
            return Included(
                repo: skill.repo, name: skill.skill, score: Self.number(skill.score), gate: gate.label,
                gateClass: gate.css, change: skill.change, changeClass: skill.change == "unchanged" ? "none" : "ok",
                checksum: skill.checksum)
        }
        invalid = data.keptOut.filter { $0.reason == .invalid }.map {
            Invalid(repo: $0.repo, name: $0.skill, code: $0.errorCode ?? "", message: $0.message, earlier: $0.earlierCopyIncluded)
        }
        refused = data.keptOut.filter { $0.reason == .refused }.map { skill in
            Refused(
                repo: skill.repo, name: skill.skill, score: Self.number(skill.score), threshold: Self.number(skill.threshold),
                message: skill.message,
                findings: skill.findings.map { finding in
                    Finding(
                        severity: finding.severity, rule: finding.rule, message: finding.message,
                        location: finding.file.map { $0 + (finding.line.map { ":\($0)" } ?? "") }, remediation: finding.remediation)
                },
                hasFindings: !skill.findings.isEmpty,
                stale: skill.staleApproval.map { "approved by \($0.by) at \($0.at) for an earlier version" })
        }
        notPacked = data.keptOut.filter { $0.reason == .notPacked }.map {
            NotPacked(repo: $0.repo, name: $0.skill, message: $0.message)
        }
        hasKeptOut = !data.keptOut.isEmpty
        approvals = data.approvals.map { row in
            ApprovalRow(
                repo: row.repo, name: row.skill, by: row.by, at: row.at, reason: row.reason, score: Self.number(row.score),
                holds: row.holds,
                holdsText: row.holds
                    ? (row.included ? "holds: the release carries the approved version" : "holds, but the skill is not in the release")
                    : "no longer holds: the skill changed since", included: row.included)
        }
        if let diff = data.changes {
            let change = { (skill: ReleaseData.SkillChange) in
                Change(
                    repo: skill.repo, name: skill.skill, score: Self.number(skill.score),
                    previousScore: Self.number(skill.previousScore), why: Self.why(skill.why))
            }
            changes = Changes(
                from: diff.from, added: diff.added.map(change), changed: diff.changed.map(change),
                removed: diff.removed.map(change),
                moves: diff.scoreMoves.map {
                    Move(repo: $0.repo, name: $0.skill, from: Self.number($0.from), to: Self.number($0.to),
                         delta: ($0.delta > 0 ? "+" : "−") + Self.number(abs($0.delta)), up: $0.delta > 0)
                },
                none: diff.added.isEmpty && diff.changed.isEmpty && diff.removed.isEmpty && diff.scoreMoves.isEmpty,
                hasAdded: !diff.added.isEmpty, hasChanged: !diff.changed.isEmpty, hasRemoved: !diff.removed.isEmpty,
                hasMoves: !diff.scoreMoves.isEmpty)
        }
        changesNote =
            if data.version == nil { "No pack has been built yet." }
            else if data.previousVersion == nil { "First release: there is no previous version to compare with." }
            else { "The skills of version \(data.previousVersion ?? "") are unknown (see the notes)." }
        notes = data.notes
        skills = input.skills.map { skill in
            let status = SkillStatus(skill)
            return HubRow(
                repo: skill.entry.sourceRepo, name: skill.entry.name, status: status.label, statusClass: status.css,
                score: Formatting.score(skill.score), checksum: skill.entry.checksum)
        }
        hasIncluded = !included.isEmpty
        hasInvalid = !invalid.isEmpty
        hasRefused = !refused.isEmpty
        hasNotPacked = !notPacked.isEmpty
        hasApprovals = !approvals.isEmpty
        hasNotes = !notes.isEmpty
    }

    static func number(_ value: Double?) -> String { Formatting.score(value) ?? "—" }

    /// A gate verdict in words and as a badge class.
    static func gate(_ gate: String?) -> (label: String, css: String) {
        switch gate {
        case "admitted": ("admitted", "ok")
        case "approved": ("approved by maintainer", "warn")
        case "refused": ("refused by gate", "bad")
        case let other?: (other, "none")
        case nil: ("not scored at this version", "none")
        }
    }

    /// Why a removed skill left, in words.
    static func why(_ code: String?) -> String {
        switch code {
        case "invalid": "its source fails validation"
        case "refused": "refused by the gate"
        case "not_packed": "in the hub but not packed"
        case "gone": "no longer in the hub"
        default: code ?? ""
        }
    }
}
