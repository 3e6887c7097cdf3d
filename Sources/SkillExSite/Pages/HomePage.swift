import Foundation
import SkillEx

/// The home page: skills by repository, the latest pack, recent runs and open anomalies.
struct HomePage: Sendable, Encodable {
    struct SkillRow: Sendable, Encodable {
        var name: String; var href: String; var status: String; var statusClass: String
        var score: String?; var trend: String?; var trendClass: String; var description: String
    }
    struct RepoGroup: Sendable, Encodable { var name: String; var skills: [SkillRow] }
    struct PackSummary: Sendable, Encodable {
        var version: String; var createdAt: String; var size: String; var sha256: String
        var href: String?; var file: String; var skills: String; var deltas: [Delta]
        var hasDeltas: Bool
    }
    struct Delta: Sendable, Encodable { var from: String; var file: String; var size: String; var sha256: String }

    var frame: PageFrame
    var generatedAt: String
    /// Only for a workspace's own `home` template: the built-in one shows `skillsHTML`.
    var repos: [RepoGroup]
    /// The skills table (`home-skills` template), kept between builds while its rows are unchanged.
    var skillsHTML: String
    var skillCount: Int
    var pack: PackSummary?
    var runs: [RunSummary.Row]
    var anomalies: [RunSummary.AnomalyRow]
    var syncFailures: [RunSummary.FailureRow] = []
    /// Repositories the last sync could not read (missing, no skills folder…).
    var repoFailures: [RunSummary.FailureRow] = []
    var hasEventLog: Bool
    var threshold: String?
    var hasRuns = false
    var hasSyncFailures = false
    var hasRepoFailures = false
    var hasAnomalies = false
    /// The summary strip and the problems list (`summary` template; HubSummary.swift).
    var summary: HubSummary?

    // MARK: - Pages

    static func pages(from context: SiteContext) -> [PlannedPage] {
        let key = context.key("index.html", context.input.aggregateFingerprint)
        var pages = [PlannedPage.stamped("index.html", key: key, context: context, "home") { make($0) }]
        if let download = PackDownload.latest(context.input) {
            let key = context.key(download.sha256 ?? "", download.source.path)
            if let linked = download.linked {
                // Linked, not read and copied: the pack is the largest file of the site.
                pages.append(PlannedPage(path: download.sitePath, key: key) { PlannedPage.Output(main: Data(), linked: linked) })
            } else {
                pages.append(PlannedPage(path: download.sitePath, key: key, data: { try Data(contentsOf: download.source) }))
            }
        }
        return pages
    }

    static func make(_ context: SiteContext) -> HomePage {
        let input = context.input
        let overridden = context.theme.overridden.contains("home")
        let events = input.eventSummary
        var page = HomePage(
            frame: PageFrame(context: context, title: "Skills", path: "index.html", section: "home"),
            generatedAt: context.generatedAt, repos: overridden ? groups(input.skills) : [],
            skillsHTML: skillsTable(context), skillCount: input.skills.count,
            pack: packSummary(input), runs: events.recentRuns(limit: 10),
            anomalies: events.latestAnomalies(limit: 10), hasEventLog: events.exists,
            threshold: Formatting.score(input.scorecards?.threshold))
        page.syncFailures = events.lastSyncFailures
        page.hasSyncFailures = !page.syncFailures.isEmpty
        page.repoFailures = events.lastSyncRepoFailures
        page.hasRepoFailures = !page.repoFailures.isEmpty
        page.hasRuns = !page.runs.isEmpty
        page.hasAnomalies = !page.anomalies.isEmpty
        page.summary = HubSummary(input)
        return page
    }

    // MARK: - Formatting helpers

    /// The skills' rows grouped by repository, in the input's order.
    static func groups(_ skills: [SkillInput]) -> [RepoGroup] {
        var groups: [RepoGroup] = []
        for skill in skills {
            let row = row(skill)
            if groups.last?.name == skill.entry.sourceRepo {
                groups[groups.count - 1].skills.append(row)
            } else {
                groups.append(RepoGroup(name: skill.entry.sourceRepo, skills: [row]))
            }
        }
        return groups
    }

    /// The `home-skills` template rendered for every skill, one repository at a time, each
    /// repository's table from the fragment cache while none of its skills' summaries changed (an
    /// edit renders one repository's rows; the others' rows are not even built).
    static func skillsTable(_ context: SiteContext) -> String {
        struct Table: Encodable { var repos: [RepoGroup]; var emptyReason: String? }
        let skills = context.input.skills
        let reason = skills.isEmpty ? emptyReason(context.input) : nil
        let render = { (groups: [RepoGroup]) in context.theme.render("home-skills", Table(repos: groups, emptyReason: reason)) }
        // A workspace's own `home-skills` may wrap all repositories in one element: rendered whole.
        guard !skills.isEmpty, let fragments = context.fragments, !context.theme.overridden.contains("home-skills") else {
            return render(groups(skills))
        }
        var runs: [Range<Int>] = []
        var start = 0
        for index in skills.indices.dropFirst() where skills[index].entry.sourceRepo != skills[index - 1].entry.sourceRepo {
            runs.append(start..<index)
            start = index
        }
        runs.append(start..<skills.count)
        let keys = runs.map { run in
            var hasher = SHA256Hasher()
            hasher.update(skills[run.lowerBound].entry.sourceRepo)
            for index in run {
                hasher.update("\u{0}")
                hasher.update(skills[index].summaryFingerprint)
            }
            return context.key("home-skills", Digest.hex(hasher.finalize()))
        }
        return fragments.texts("home-skills-by-repo", keys: keys) { render(groups(Array(skills[runs[$0]]))) }.joined()
    }

    /// Why there are no skills when the log says why: the last sync could not read the
    /// repositories (nil otherwise: nothing was synced yet).
    static func emptyReason(_ input: SiteInput) -> String? {
        let failed = Set(input.eventSummary.lastSyncRepoFailures.map(\.subject))
        guard !failed.isEmpty else { return nil }
        let listed = input.manifest.repositories.count
        let which = failed.count >= listed
            ? (listed == 1 ? "the manifest's only repository" : "any of the manifest's \(listed) repositories")
            : "\(failed.count) of the manifest's \(listed) repositories, and the others hold no skills"
        return "No skills: the last sync could not read \(which) (see “Repositories that failed the last sync” below)."
    }

    static func row(_ skill: SkillInput) -> SkillRow {
        let status = SkillStatus(skill)
        let trend = Formatting.trend(skill.history.map(\.score))
        return SkillRow(
            name: skill.entry.name, href: skill.pagePath, status: status.label, statusClass: status.css,
            score: Formatting.score(skill.score), trend: trend?.text, trendClass: trend?.css ?? "none",
            description: SecretMask.shown(skill.entry.description ?? ""))
    }

    static func packSummary(_ input: SiteInput) -> PackSummary? {
        guard let index = input.packs, let latest = PackDownload.latestVersion(index) else { return nil }
        let pack = latest.pack
        let download = PackDownload.latest(input)
        return PackSummary(
            version: latest.version, createdAt: createdText(latest, packTimes: input.eventSummary.packTimes),
            size: Formatting.size(pack.size),
            sha256: pack.sha256, href: download?.sitePath, file: pack.file,
            skills: String(latest.skills),
            deltas: latest.deltas.map {
                Delta(from: $0.from, file: $0.file, size: Formatting.size($0.size), sha256: $0.sha256)
            }, hasDeltas: !latest.deltas.isEmpty)
    }
}

extension HomePage {
    /// When `version` was built: its `created_at`, unless that is the fixed time reproducible
    /// packs carry (1980-01-01, also stamped on the zip's entries); then the time of the run that
    /// packaged it, from the event log; else said to be unrecorded.
    static func createdText(_ version: DistIndex.Version, packTimes: [String: String]) -> String {
        let created = version.createdAt
        if !created.isEmpty, Timestamp.parse(created).map(isReproducibleTime) != true {
            return created
        }
        if let time = packTimes[version.version] { return time }
        return "not recorded (the pack carries the fixed reproducible time 1980-01-01)"
    }

    /// 1980-01-01T00:00:00Z, the DOS epoch every reproducible pack is stamped with.
    static func isReproducibleTime(_ date: Date) -> Bool { date.timeIntervalSince1970 == 315_532_800 }
}

/// A skill's state in words and as a CSS class.
struct SkillStatus {
    var label: String
    var css: String

    init(_ skill: SkillInput) {
        switch skill.scorecard?.gate {
        case .admitted: (label, css) = ("admitted", "ok")
        case .approved: (label, css) = ("approved by maintainer", "warn")
        case .refused: (label, css) = ("refused by gate", "bad")
        case nil: (label, css) = (skill.score == nil ? "synced, not scored" : "scored", "none")
        }
        if !skill.filesReadable { (label, css) = ("files unreadable", "bad") }
    }
}
