import SkillEx

/// The strip at the top of the home page and dashboard (skills, admitted, refused, invalid, last
/// run, latest pack) and the problems a reviewer looks at first: repositories the last sync
/// could not read, skills it refused as invalid, skills whose files cannot be read, skills the
/// gate refused, and scores that dropped.
struct HubSummary: Sendable, Encodable {
    struct Problem: Sendable, Encodable {
        var kind: String
        var css: String
        var subject: String
        /// The skill's page from the site's root, when the skill has one.
        var href: String?
        var detail: String
    }

    var skills: Int
    var admitted: Int
    var approved: Int
    var refused: Int
    var invalid: Int
    /// `bad` when the count is not zero (the strip colours it).
    var refusedClass: String
    var invalidClass: String
    /// `(+3 approved)`, when maintainers approved any.
    var approvedNote: String?
    var lastRun: String
    var latestPack: String
    var problems: [Problem]
    var hasProblems: Bool
    /// Problems left off the list (it shows at most `limit`).
    var more: Int?

    static let limit = 100

    init(_ input: SiteInput) {
        let events = input.eventSummary
        let threshold = Formatting.score(input.scorecards?.threshold)
        var problems: [Problem] = events.lastSyncRepoFailures.map {
            Problem(kind: "repository unreadable", css: "bad", subject: $0.subject, href: nil, detail: Self.join($0.reason, $0.message))
        }
        problems += events.lastSyncFailures.map {
            Problem(kind: "invalid", css: "bad", subject: $0.subject, href: nil, detail: Self.join($0.reason, $0.message))
        }
        var counts = (admitted: 0, approved: 0, refused: 0, unreadable: 0)
        var refusedRows: [Problem] = [], drops: [Problem] = []
        for skill in input.skills {
            let subject = skill.entry.sourceRepo + "/" + skill.entry.name
            if case .failure(let error) = skill.fileEntries {
                counts.unreadable += 1
                problems.append(Problem(kind: "files unreadable", css: "bad", subject: subject, href: skill.pagePath, detail: error.description))
            }
            switch skill.scorecard?.gate {
            case .admitted: counts.admitted += 1
            case .approved: counts.approved += 1
            case .refused:
                counts.refused += 1
                let score = Formatting.score(skill.score) ?? "?"
                refusedRows.append(Problem(
                    kind: "refused", css: "bad", subject: subject, href: skill.pagePath,
                    detail: "score \(score)" + (threshold.map { " below the threshold \($0)" } ?? "")))
            default: break
            }
            let history = skill.history
            if history.count >= 2, SkillPage.regressions(history).contains(history.count - 1) {
                let from = Formatting.score(history[history.count - 2].score) ?? "?"
                let to = Formatting.score(history[history.count - 1].score) ?? "?"
                drops.append(Problem(kind: "score dropped", css: "warn", subject: subject, href: skill.pagePath, detail: "\(from) → \(to)"))
            }
        }
        problems += refusedRows + drops
        skills = input.skills.count
        admitted = counts.admitted
        approved = counts.approved
        refused = counts.refused
        invalid = events.lastSyncFailures.count + counts.unreadable
        refusedClass = refused > 0 ? "bad" : ""
        invalidClass = invalid > 0 ? "bad" : ""
        approvedNote = approved > 0 ? "(+\(approved) approved)" : nil
        lastRun = events.recentRuns(limit: 1).first?.started ?? "none recorded"
        latestPack = input.packs.flatMap(PackDownload.latestVersion).map(\.version) ?? "none built"
        more = problems.count > Self.limit ? problems.count - Self.limit : nil
        self.problems = Array(problems.prefix(Self.limit))
        hasProblems = !problems.isEmpty
    }

    private static func join(_ reason: String, _ message: String) -> String {
        [reason, message].filter { !$0.isEmpty }.joined(separator: ": ")
    }
}
