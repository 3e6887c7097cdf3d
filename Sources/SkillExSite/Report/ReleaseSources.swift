import SkillEx

/// Everything the release report is made from, already read from disk, so the decisions
/// (what is in, what was kept out and why, what changed) are one pure function to test.
struct ReleaseSources: Sendable {
    /// One skill as a pack index records it.
    struct Packed: Sendable, Equatable {
        var repo: String
        var skill: String
        var checksum: String
        var id: String { repo + "/" + skill }
    }

    /// A skill the hub's manifest holds now, with its scoring state.
    struct HubSkill: Sendable {
        var repo: String
        var skill: String
        var checksum: String
        /// The latest scorecard's score and verdict, when it scored this checksum.
        var score: Double?
        var gate: String?
        /// The scorecard's findings, most severe first.
        var findings: [ScoreFinding] = []
        /// The recorded approval (scorecard's, else the manifest's).
        var approval: Approval?
        /// The manifest's `score_history`, oldest first.
        var history: [ScoreHistoryEntry] = []
        var id: String { repo + "/" + skill }
    }

    /// A skill whose source failed validation at the last sync.
    struct SyncFailure: Sendable, Equatable {
        var repo: String
        var skill: String
        var reason: String
        var message: String
        var id: String { repo + "/" + skill }
    }

    var title: String
    var generatedAt: String
    var threshold: Double?
    /// The version reported on and its pack, if any.
    var version: String?
    var createdAt: String?
    var pack: ReleaseData.Artifact?
    /// The release's skills (nil when there is no pack or its index could not be read).
    var released: [Packed]?
    /// The version before, and its skills (nil when unknown).
    var previousVersion: String?
    var previous: [Packed]?
    var hub: [HubSkill]
    var syncFailures: [SyncFailure]
    var notes: [String] = []
}

extension ReleaseData {
    /// The report of `sources`.
    init(_ sources: ReleaseSources) {
        let hub = Dictionary(sources.hub.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let released = sources.released ?? []
        let releasedIDs = Dictionary(released.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let previous = sources.previous.map { list in
            Dictionary(list.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let failures = Dictionary(sources.syncFailures.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })

        included = released.map { skill in
            let card = hub[skill.id].flatMap { $0.checksum == skill.checksum ? $0 : nil }
            var change: String?
            if let previous {
                switch previous[skill.id]?.checksum {
                case nil: change = "added"
                case skill.checksum?: change = "unchanged"
                default: change = "changed"
                }
            }
            return Included(
                repo: skill.repo, skill: skill.skill, checksum: skill.checksum,
                score: Self.score(hub[skill.id], at: skill.checksum), gate: card?.gate, change: change)
        }.sorted { ($0.repo, $0.skill) < ($1.repo, $1.skill) }

        var kept: [KeptOut] = []
        for failure in failures.values.sorted(by: { ($0.repo, $0.skill) < ($1.repo, $1.skill) }) {
            kept.append(KeptOut(
                repo: failure.repo, skill: failure.skill, reason: .invalid,
                message: failure.message.isEmpty ? failure.reason : failure.message, errorCode: failure.reason,
                findings: [], earlierCopyIncluded: releasedIDs[failure.id] != nil))
        }
        let hubSorted = sources.hub.sorted { ($0.repo, $0.skill) < ($1.repo, $1.skill) }
        for skill in hubSorted where skill.gate == "refused" && releasedIDs[skill.id] == nil {
            let stale = skill.approval.flatMap { approval in
                approval.checksum != skill.checksum ? Self.approvalRow(skill, approval, included: false) : nil
            }
            kept.append(KeptOut(
                repo: skill.repo, skill: skill.skill, reason: .refused,
                message: Self.refusal(score: skill.score, threshold: sources.threshold), score: skill.score,
                threshold: sources.threshold, findings: skill.findings.prefix(3).map(Self.finding),
                staleApproval: stale, earlierCopyIncluded: false))
        }
        if sources.released != nil, let version = sources.version {
            for skill in hubSorted
            where releasedIDs[skill.id] == nil && skill.gate != "refused" && failures[skill.id] == nil {
                kept.append(KeptOut(
                    repo: skill.repo, skill: skill.skill, reason: .notPacked,
                    message: "in the hub but not in pack \(version): synced or admitted after it was made",
                    score: skill.score, threshold: sources.threshold, findings: [], earlierCopyIncluded: false))
            }
        }
        keptOut = kept

        approvals = hubSorted.compactMap { skill in
            skill.approval.map { Self.approvalRow(skill, $0, included: releasedIDs[skill.id] != nil) }
        }

        if let previous, let from = sources.previousVersion {
            changes = Self.changes(
                from: from, previous: previous, released: included, hub: hub, failures: failures)
        }
        title = sources.title
        generatedAt = sources.generatedAt
        version = sources.version
        previousVersion = sources.previousVersion
        createdAt = sources.createdAt
        pack = sources.pack
        threshold = sources.threshold
        notes = sources.notes
        summary = Summary(
            included: included.count, keptOut: keptOut.count,
            invalid: keptOut.filter { $0.reason == .invalid }.count,
            refused: keptOut.filter { $0.reason == .refused }.count,
            notPacked: keptOut.filter { $0.reason == .notPacked }.count, approvals: approvals.count,
            added: changes?.added.count ?? 0, changed: changes?.changed.count ?? 0,
            removed: changes?.removed.count ?? 0, scoreMoves: changes?.scoreMoves.count ?? 0)
    }

    /// Added, changed and removed skills and score moves between `previous` and the release.
    static func changes(
        from: String, previous: [String: ReleaseSources.Packed], released: [Included],
        hub: [String: ReleaseSources.HubSkill], failures: [String: ReleaseSources.SyncFailure]
    ) -> Changes {
        var added: [SkillChange] = [], changed: [SkillChange] = [], moves: [ScoreMove] = []
        for skill in released {
            let id = skill.repo + "/" + skill.skill
            guard let before = previous[id] else {
                added.append(SkillChange(repo: skill.repo, skill: skill.skill, checksum: skill.checksum, score: skill.score))
                continue
            }
            let previousScore = score(hub[id], at: before.checksum)
            if before.checksum != skill.checksum {
                changed.append(SkillChange(
                    repo: skill.repo, skill: skill.skill, checksum: skill.checksum, previousChecksum: before.checksum,
                    score: skill.score, previousScore: previousScore))
            }
            if let from = previousScore, let to = skill.score {
                let delta = ((to - from) * 10).rounded() / 10
                if delta != 0 { moves.append(ScoreMove(repo: skill.repo, skill: skill.skill, from: from, to: to, delta: delta)) }
            }
        }
        let kept = Set(released.map { $0.repo + "/" + $0.skill })
        let removed = previous.values.filter { !kept.contains($0.id) }.sorted { ($0.repo, $0.skill) < ($1.repo, $1.skill) }
            .map { skill in
                let now = hub[skill.id]
                let why: String =
                    if failures[skill.id] != nil { "invalid" }
                    else if now?.gate == "refused" { "refused" }
                    else if now != nil { "not_packed" }
                    else { "gone" }
                return SkillChange(
                    repo: skill.repo, skill: skill.skill, previousChecksum: skill.checksum,
                    score: now?.score, previousScore: score(now, at: skill.checksum), why: why)
            }
        return Changes(from: from, added: added, changed: changed, removed: removed, scoreMoves: moves)
    }

    /// The score `skill` had at `checksum`: the scorecard's when it scored that checksum, else
    /// the latest `score_history` point recorded for it.
    static func score(_ skill: ReleaseSources.HubSkill?, at checksum: String) -> Double? {
        guard let skill else { return nil }
        if skill.checksum == checksum, let score = skill.score { return score }
        return skill.history.last { $0.checksum == checksum }?.score
    }

    /// `score 42 is below the threshold 70`.
    static func refusal(score: Double?, threshold: Double?) -> String {
        let score = Formatting.score(score) ?? "—"
        guard let threshold = Formatting.score(threshold) else { return "score \(score) is below the threshold" }
        return "score \(score) is below the threshold \(threshold)"
    }

    static func finding(_ finding: ScoreFinding) -> Finding {
        Finding(
            rule: finding.rule, severity: finding.severity.rawValue, message: finding.message,
            file: finding.file.isEmpty ? nil : finding.file, line: finding.line, remediation: finding.remediation)
    }

    static func approvalRow(_ skill: ReleaseSources.HubSkill, _ approval: Approval, included: Bool) -> ApprovalRow {
        ApprovalRow(
            repo: skill.repo, skill: skill.skill, by: approval.by, at: approval.at,
            reason: approval.reason, checksum: approval.checksum, score: approval.score,
            holds: approval.checksum == skill.checksum, included: included)
    }
}
