import Foundation
import SkillEx

/// A page per skill: rendered SKILL.md, front matter, files, checksum, score and its history,
/// findings with remediation, and the approval — what a reviewer needs to decide.
struct SkillPage: Sendable, Encodable {
    struct Field: Sendable, Encodable { var key: String; var value: String }
    struct FileRow: Sendable, Encodable { var path: String; var size: String; var href: String? }
    struct Component: Sendable, Encodable { var id: String; var weight: String; var value: String; var missing: Bool; var basis: String }
    struct Finding: Sendable, Encodable {
        var severity: String; var rule: String; var message: String; var remediation: String; var location: String
        var file: String? = nil; var line: Int? = nil
    }
    struct ApprovalView: Sendable, Encodable { var by: String; var at: String; var reason: String; var score: String }

    var frame: PageFrame
    var name: String
    var repo: String
    var description: String
    var bodyHTML: String
    var toc: [TocItem]
    var fields: [Field]
    var files: [FileRow]
    var filesError: String?
    var checksum: String
    var commit: String
    var branch: String
    var syncedAt: String
    var score: String?
    var status: String
    var statusClass: String
    var threshold: String?
    var components: [Component]
    var hasComponents: Bool
    var chart: ChartModel?
    var findings: [Finding]
    var hasFindings: Bool
    var approval: ApprovalView?
    // The reviewer's view (issue #19): verdict first, findings by rule, the file tree, install.
    var verdict: SkillVerdict
    var findingGroups: [FindingGroup]
    var fileTreeHTML: String
    var install: [InstallSnippet]
    /// The page's sections, then SKILL.md's headings: the sticky table of contents.
    var pageToc: [TocItem] = []

    // MARK: - Pages

    /// Every skill's pages; a skill whose pages are all published with its current fingerprint
    /// is returned as a kept group instead, without working out its pages' paths.
    static func pages(from context: SiteContext, published: PublishedRecords) -> (pages: [PlannedPage], kept: [String]) {
        let threshold = Formatting.score(context.input.scorecards?.threshold) ?? ""
        // The verdict names who may approve: a change of maintainers re-renders the skill pages.
        let maintainers = (context.input.manifest.maintainers ?? []).joined(separator: "\u{0}")
        // Render closures capture one shared reference each, not copies of the context and skill
        // (copying those retains every field they hold, for every page of every skill).
        let shared = Shared(context)
        // Planned on every core, in runs of skills (a run's pages stay in skill order).
        let skills = context.input.skills
        let runs = stride(from: 0, to: skills.count, by: 64).map { $0..<min($0 + 64, skills.count) }
        let planned = ParallelMap.map(runs) { run in
            var pages: [PlannedPage] = []
            var kept: [String] = []
            for index in run {
                let skill = skills[index]
                let key = shared.value.key("skill", skill.fingerprint, threshold, maintainers)
                let size = 1 + markdownCount(skill)
                if published.hasGroup(key, size: size, firstPage: skill.pagePath) {
                    kept.append(key)
                } else {
                    pages += Self.pages(of: skill, key: key, context: shared)
                }
            }
            return (pages, kept)
        }
        return (planned.flatMap(\.0), planned.flatMap(\.1))
    }

    /// The pages of one skill: its page and one per Markdown file besides SKILL.md. They share
    /// one fingerprint: a file page shows the skill's files and the file, whose content the
    /// skill's checksum names, and its path tells it from the skill's other pages.
    private static func pages(of skill: SkillInput, key: String, context: Shared<SiteContext>) -> [PlannedPage] {
        var pages: [PlannedPage] = []
        let shared = Shared(skill)
        pages.append(PlannedPage(path: skill.pagePath, key: key) {
            let (page, extras) = make(shared.value, context.value)
            return PlannedPage.Output(main: Data(context.value.theme.render("skill", page).utf8),
                                      extras: extras + [AgentCopy.skillCopy(shared.value, context: context.value)])  // sitedocs
        })
        for entry in markdownEntries(skill) {
            let path = skill.folderPath + "/" + sitePath(of: entry.relativePath)
            pages.append(PlannedPage(path: path, key: key) {
                let (page, extras) = FilePage.make(
                    skill: shared.value, file: shared.value.file(entry), path: path, context: context.value)
                return PlannedPage.Output(main: Data(context.value.theme.render("file", page).utf8), extras: extras)
            })
        }
        return pages
    }

    static func make(_ skill: SkillInput, _ context: SiteContext) -> (SkillPage, [RenderedPage]) {
        let validation = SpecValidator().validate(folder: skill.folder)
        // Secrets masked and hidden characters shown (security: SecretMask.shown).
        let body = SecretMask.shown(
            validation.document?.body ?? (SiteInput.readText(skill.folder.appendingPathComponent("SKILL.md")) ?? ""))
        let (rendered, toc) = SiteContext.markdown(body)
        let (html, extras) = SkillLinks(skill, context: context).rewrite(rendered, sourceFolder: "", pagePath: skill.pagePath)
        let card = skill.scorecard
        let status = SkillStatus(skill)
        var findings = (card?.findings ?? []).map { finding in
            Finding(
                severity: finding.risk.map { "\(finding.severity.rawValue) \($0.rawValue)" } ?? finding.severity.rawValue,
                rule: finding.rule, message: finding.message, remediation: finding.remediation,
                location: [finding.file.isEmpty ? nil : finding.file, finding.line.map(String.init)].compactMap { $0 }
                    .joined(separator: ":"),
                file: finding.file.isEmpty ? nil : finding.file, line: finding.line)
        }
        if card == nil {
            findings = validation.findings.map { finding in
                Finding(severity: finding.severity == .error ? "error" : "warning", rule: finding.rule,
                        message: finding.message, remediation: finding.fix, location: "SKILL.md", file: "SKILL.md")
            }
        }
        let markdown = Set(markdownFiles(skill).map(\.relativePath))
        var files: [FileRow] = []
        var filesError: String?
        switch skill.files {
        case .success(let list):
            files = list.map { file in
                FileRow(path: file.relativePath, size: Formatting.size(file.size),
                        href: markdown.contains(file.relativePath) ? sitePath(of: file.relativePath) : nil)
            }
        case .failure(let error): filesError = error.description
        }
        let history = skill.history
        let named = Set(findings.compactMap(\.file).filter { isMarkdown($0) })
        let views = FileViews.make(skill, context: context, written: Set(extras.map(\.path)), markdownSources: named)
        var page = SkillPage(
            frame: PageFrame(context: context, title: skill.entry.name, path: skill.pagePath, section: "home",
                             description: skill.entry.description),  // sitedocs: meta description
            name: skill.entry.name, repo: skill.entry.sourceRepo,
            description: SecretMask.shown(validation.document?.description ?? skill.entry.description ?? ""),
            bodyHTML: html, toc: toc,
            fields: (validation.document?.fields ?? []).map { Field(key: $0.key, value: SecretMask.shown($0.value.display)) },
            files: files, filesError: filesError, checksum: skill.entry.checksum,
            commit: skill.entry.sourceCommit ?? "not a git checkout", branch: skill.entry.sourceBranch ?? "—",
            syncedAt: skill.entry.packagedAt, score: Formatting.score(skill.score),
            status: status.label, statusClass: status.css,
            threshold: Formatting.score(context.input.scorecards?.threshold),
            components: (card?.components ?? []).map { component in
                Component(id: component.id, weight: Formatting.score(component.effectiveWeight * 100).map { $0 + "%" } ?? "",
                          value: Formatting.score(component.value) ?? "—", missing: component.missing,
                          basis: component.basis)
            },
            hasComponents: !(card?.components ?? []).isEmpty,
            chart: historyChart(skill.entry.name, history, threshold: context.input.scorecards?.threshold),
            findings: findings, hasFindings: !findings.isEmpty,
            approval: skill.approval.map { approval in
                ApprovalView(by: approval.by, at: approval.at, reason: approval.reason,
                             score: Formatting.score(approval.score) ?? "")
            },
            verdict: SkillVerdict(
                skill, threshold: context.input.scorecards?.threshold, maintainers: context.input.manifest.maintainers ?? []),
            findingGroups: FindingGroup.make(findings, views: views), fileTreeHTML: FileTree.html(views.entries),
            install: InstallSnippets.make(installFacts(skill, context)))
        page.pageToc = pageContents(findings: findings.count, body: toc)
        return (page, extras + views.extras)
    }

    // MARK: - Formatting helpers

    /// The table of contents of a skill's page: its sections, then SKILL.md's headings.
    static func pageContents(findings: Int, body: [TocItem]) -> [TocItem] {
        let sections = [
            ("Verdict", "verdict-heading"), ("Findings (\(findings))", "findings-heading"), ("Files", "files-heading"),
            ("Install", "install-heading"), ("Score", "score-heading"), ("Source", "facts-heading"), ("SKILL.md", "body-heading"),
        ]
        return sections.map { TocItem(text: $0.0, anchor: $0.1, isSub: false) }
            + body.map { TocItem(text: $0.text, anchor: $0.anchor, isSub: true) }
    }

    /// Markdown files of the skill other than SKILL.md, which get pages of their own.
    static func markdownFiles(_ skill: SkillInput) -> [SkillFile] {
        guard case .success(let list) = skill.files else { return [] }
        return list.filter { hasPage($0.relativePath) }
    }

    /// The listing entries of `markdownFiles(skill)`, without making their URLs.
    static func markdownEntries(_ skill: SkillInput) -> [SkillListingCache.Entry] {
        guard case .success(let list) = skill.fileEntries else { return [] }
        return list.filter { hasPage($0.relativePath) }
    }

    /// How many of the skill's files get pages of their own.
    private static func markdownCount(_ skill: SkillInput) -> Int {
        guard case .success(let list) = skill.fileEntries else { return 0 }
        return list.reduce(0) { $0 + (hasPage($1.relativePath) ? 1 : 0) }
    }

    /// True for a Markdown file (SKILL.md included).
    static func isMarkdown(_ relative: String) -> Bool { relative.hasSuffix(".md") }

    /// True for a Markdown file other than the skill's SKILL.md, which gets a page of its own.
    static func hasPage(_ relative: String) -> Bool {
        relative.hasSuffix(".md") && relative.lowercased() != "skill.md"
    }

    /// `references/api.md` → `files/references/api.md.html`, each segment made safe (one to
    /// one: see `PathSegment`).
    static func sitePath(of relative: String) -> String {
        "files/" + PathSegment.path(relative) + ".html"
    }

    /// The score history plotted by time (a point whose `at` is not a timestamp is left off),
    /// regressions marked, with the gate threshold; nil without a point to plot.
    static func historyChart(_ name: String, _ history: [ScoreHistoryEntry], threshold: Double?) -> ChartModel? {
        let flagged = regressions(history)
        let points = history.enumerated().compactMap { index, point -> LineChart.Point? in
            guard let date = Timestamp.parse(point.at) else { return nil }
            return LineChart.Point(
                x: date.timeIntervalSince1970, label: String(point.at.prefix(10)), detail: point.at, value: point.score,
                flagged: flagged.contains(index))
        }
        guard !points.isEmpty else { return nil }
        return LineChart.make(
            id: "history", title: "Score history of \(name)", yLabel: "score", points: points, maximum: 100,
            threshold: threshold, thresholdLabel: "gate threshold")
    }

    /// Indices where the score fell by more than 5 points from the previous point.
    static func regressions(_ history: [ScoreHistoryEntry]) -> Set<Int> {
        Set(history.indices.dropFirst().filter { history[$0].score < history[$0 - 1].score - 5 })
    }
}
