import Foundation

/// The scoring stage: lints every skill, reads the repositories' reports, combines the
/// components into a score, decides the gate verdict, and (when recording) appends history.
public struct Scorer: Sendable {
    /// The hub.
    public var workspace: Workspace
    /// Which skills, and extra reports.
    public var options: ScoreOptions

    /// A scorer for `workspace`.
    public init(workspace: Workspace, options: ScoreOptions = ScoreOptions()) {
        self.workspace = workspace
        self.options = options
    }

    /// Scores `manifest`'s skills without changing anything.
    public func evaluate(_ manifest: Manifest) throws -> ScoreRun {
        let settings = try ScoringSettings.load(manifest, path: workspace.manifestURL.path)
        let entries = try select(manifest)
        let reports = try loadReports(manifest, for: entries)
        let digest = try inputsDigest(manifest, settings: settings, reports: reports)
        let previous = options.reuseStored ? ScorecardStore.load(workspace) : nil
        let cards = try scorecards(
            entries, manifest: manifest, settings: settings, reports: reports, digest: digest, previous: previous)
        return run(cards, settings: settings, digest: digest)
    }

    /// Scores and records: appends each skill's `score_history` (bounded, with regressions
    /// flagged) and returns the run and the updated manifest for the caller to save. Unchanged
    /// skills get no new point (see `record`).
    public func score(_ manifest: Manifest) throws -> (ScoreRun, Manifest) {
        let recording = try record(manifest)
        return (recording.run, recording.manifest)
    }

    /// Scores and records: a skill gets a new `score_history` point (bounded, with regressions
    /// flagged) when its checksum or its scoring inputs (`ScoreInputs`) differ from its last
    /// point's; an unchanged skill keeps its history as it is. Returns the run, the updated
    /// manifest for the caller to save, and which skills got a point.
    public func record(_ manifest: Manifest) throws -> ScoreRecording {
        let settings = try ScoringSettings.load(manifest, path: workspace.manifestURL.path)
        let entries = try select(manifest)
        let reports = try loadReports(manifest, for: entries)
        let digest = try inputsDigest(manifest, settings: settings, reports: reports)
        let inputs = try ScoreInputs(manifest, settings: settings, reports: reports)
        let previous = options.reuseStored ? ScorecardStore.load(workspace) : nil
        PhaseTrace.mark("score.inputs")
        var cards = try scorecards(
            entries, manifest: manifest, settings: settings, reports: reports, digest: digest, previous: previous)
        PhaseTrace.mark("score.cards")
        let now = Timestamp.string(workspace.clock.now())
        var updated = manifest
        let slots = Dictionary(
            updated.skills.enumerated().map { ("\($1.sourceRepo)/\($1.name)", $0) }, uniquingKeysWith: { a, _ in a })
        // Each card's new history is built on both cores, then stored in order. (Two cards of
        // one skill would each need the other's entry: never from sync's manifests, but kept exact.)
        let skills = manifest.skills
        let scored = cards
        let distinct = Set(cards.map(\.id)).count == cards.count
        let updates = ParallelMap.map(distinct ? Array(cards.indices) : []) { index -> HistoryUpdate? in
            let card = scored[index]
            guard let slot = slots[card.id] else { return nil }
            return HistoryUpdate(
                card, slot: slot, history: skills[slot].extra.values[ScoreHistoryEntry.key],
                inputs: inputs.digest(skills[slot]), at: now, settings: settings)
        }
        var recorded = Set<String>()
        for index in cards.indices {
            let update: HistoryUpdate?
            if distinct {
                update = updates[index]
            } else {
                update = slots[cards[index].id].flatMap { slot in
                    HistoryUpdate(
                        cards[index], slot: slot, history: updated.skills[slot].extra.values[ScoreHistoryEntry.key],
                        inputs: inputs.digest(updated.skills[slot]), at: now, settings: settings)
                }
            }
            guard let update else {
                recorded.insert(cards[index].id)
                continue
            }
            cards[index].regression = update.regression
            if let history = update.history {
                updated.skills[update.slot].extra.values[ScoreHistoryEntry.key] = history
                recorded.insert(cards[index].id)
            }
        }
        let run = run(cards, settings: settings, digest: digest)
        PhaseTrace.mark("score.history")
        // The stored scorecards already say all this when they hold exactly these cards.
        let stored = previous.map { $0.matches(run) && cards.count == updated.skills.count } ?? false
        return ScoreRecording(run: run, manifest: updated, recorded: recorded, scorecardsStored: stored)
    }

    /// The skills of `run` (from `evaluate`) whose score `manifest`'s history does not hold yet:
    /// no point, or a last point with another checksum or other scoring inputs.
    public func unrecorded(_ run: ScoreRun, in manifest: Manifest) throws -> Set<String> {
        let settings = try ScoringSettings.load(manifest, path: workspace.manifestURL.path)
        let entries = try select(manifest)
        let inputs = try ScoreInputs(manifest, settings: settings, reports: try loadReports(manifest, for: entries))
        let entriesByID = Dictionary(
            manifest.skills.map { ("\($0.sourceRepo)/\($0.name)", $0) }, uniquingKeysWith: { a, _ in a })
        var out = Set<String>()
        for card in run.skills {
            if let entry = entriesByID[card.id],
                let last = ScoreHistoryEntry.list(entry.extra.values[ScoreHistoryEntry.key]).last,
                last.repeats(checksum: card.checksum, inputs: inputs.digest(entry))
            {
                continue
            }
            out.insert(card.id)
        }
        return out
    }

    private func run(_ cards: [Scorecard], settings: ScoringSettings, digest: String) -> ScoreRun {
        var run = ScoreRun(
            generatedAt: Timestamp.string(workspace.clock.now()), threshold: settings.threshold,
            weights: settings.weights, skills: cards)
        run.inputsDigest = digest
        return run
    }

    /// SHA-256 over the SkillEx version and rules revision, the scoring settings, the repositories and the reports.
    private func inputsDigest(
        _ manifest: Manifest, settings: ScoringSettings, reports: [String: RepositoryReports]
    ) throws -> String {
        var text = "skillex \(SkillExVersion.current) rules \(LintRuleSet.revision)\n"
        text += try JSONWriter.line(settings) + "\n" + JSONWriter.line(manifest.repositories) + "\n"
        for name in reports.keys.sorted() {
            text += name + "\n" + (reports[name]?.sources ?? []).joined(separator: "\n") + "\n"
        }
        return Digest.sha256Hex(Data(text.utf8))
    }

    /// The entries named by `options.skills` (all when empty); an unknown name is an error.
    func select(_ manifest: Manifest) throws -> [SkillEntry] {
        guard !options.skills.isEmpty else { return manifest.skills }
        var chosen: [SkillEntry] = []
        for selector in options.skills {
            let matches = manifest.skills.filter { $0.name == selector || "\($0.sourceRepo)/\($0.name)" == selector }
            guard !matches.isEmpty else {
                throw ScoreError(
                    description: "\(workspace.manifestURL.path): no synced skill '\(selector)' (give NAME or REPO/NAME; run `skillex sync` first)")
            }
            chosen += matches.filter { match in !chosen.contains { $0.sourceRepo == match.sourceRepo && $0.name == match.name } }
        }
        return manifest.skills.filter { entry in chosen.contains { $0.sourceRepo == entry.sourceRepo && $0.name == entry.name } }
    }

    private func loadReports(_ manifest: Manifest, for entries: [SkillEntry]) throws -> [String: RepositoryReports] {
        let wanted = Set(entries.map(\.sourceRepo))
        let flagBase = URL(fileURLWithPath: options.reportBase)
        var out: [String: RepositoryReports] = [:]
        for (index, repo) in manifest.repositories.enumerated() where wanted.contains(repo.name) {
            let specs: [ReportSpec]
            do { specs = try repo.extra.decode([ReportSpec].self, key: "reports") ?? [] } catch {
                throw ManifestError.invalidField(
                    path: workspace.manifestURL.path, field: "repositories[\(index)].reports",
                    reason: ErrorText.decoding(error))
            }
            let root = repoRoot(repo)
            out[repo.name] = try RepositoryReports.load(
                specs.map { ($0, root) } + options.reports.map { ($0, flagBase) }, inside: [root, workspace.root])
        }
        return out
    }

    private func repoRoot(_ repo: RepositoryEntry) -> URL {
        (repo.path.hasPrefix("/") ? URL(fileURLWithPath: repo.path) : workspace.root.appendingPathComponent(repo.path))
            .standardizedFileURL
    }

    private func scorecards(
        _ entries: [SkillEntry], manifest: Manifest, settings: ScoringSettings,
        reports: [String: RepositoryReports], digest: String, previous: ScoreRun?
    ) throws -> [Scorecard] {
        var stored: [String: Scorecard] = [:]
        if let previous, previous.inputsDigest == digest {
            stored = Dictionary(previous.skills.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
        // What sync recorded about each installed copy: lets a skill's checksum be trusted
        // without reading its files while their `lstat` is what sync left.
        let synced = SyncCache.load(SyncCache.url(workspace)).skills
        let repos = Dictionary(manifest.repositories.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let repoRoots = repos.mapValues { repoRoot($0).path }
        let hubRoot = workspace.root.path
        let workspace = self.workspace
        let skillsFolder = workspace.skillsFolder
        let storedCards = stored
        // Each job (paths included) is set up on the core that runs it.
        let results = ParallelMap.map(entries) { entry in
            Result {
                let repo = repos[entry.sourceRepo]
                let skillsDir = repo?.skillsDir ?? RepositoryEntry.defaultSkillsDir
                // target_path in either form (v0.1's `<repo>/<skill>` or `skills/<repo>/<skill>`).
                let hubPath = entry.hubPath(skillsFolder: skillsFolder)
                let matcher = SkillPathMatcher(
                    repoRoot: repoRoots[entry.sourceRepo] ?? hubRoot, hubRoot: hubRoot,
                    prefixes: ["\(skillsDir)/\(entry.name)/", "\(hubPath)/"])
                let job = SkillScoring(
                    entry: entry, workspace: workspace, path: hubPath,
                    matcher: matcher, reports: reports[entry.sourceRepo] ?? RepositoryReports(),
                    stored: storedCards["\(entry.sourceRepo)/\(entry.name)"],
                    synced: synced[SyncCache.key(repo: entry.sourceRepo, skill: entry.name)])
                return try job.score(settings: settings)
            }
        }
        return try results.map { try $0.get() }
    }
}

/// One skill's `score_history` after this run's point (nil when the skill is unchanged since
/// its last point, which then stays the last), and the regression it shows.
private struct HistoryUpdate: Sendable {
    var slot: Int
    var history: JSONValue?
    var regression: Regression?

    init(
        _ card: Scorecard, slot: Int, history stored: JSONValue?, inputs: String, at now: String, settings: ScoringSettings
    ) {
        self.slot = slot
        // The last point decides most runs: it is read alone first, the whole history only when
        // a point is added (or the run is at that point's very time).
        if case .array(let items)? = stored, let tail = items.last,
            let last = ScoreHistoryEntry.list(.array([tail])).first, last.at != now,
            last.repeats(checksum: card.checksum, inputs: inputs)
        {
            (regression, self.history) = (nil, nil)
            return
        }
        var history = ScoreHistoryEntry.list(stored)
        if let last = history.last, last.repeats(checksum: card.checksum, inputs: inputs) {
            // Nothing that decides the score changed: no new point. A run at the very time of
            // the last point (a build run again after it was killed) reports the regression
            // that point showed, as the run that wrote it did.
            regression = last.at == now ? ScoreHistoryEntry.lastRegression(history, points: settings.regressionPoints) : nil
            self.history = nil
            return
        }
        let entry = ScoreHistoryEntry(
            at: now, score: card.score,
            components: Dictionary(uniqueKeysWithValues: card.components.map { ($0.id, $0.value) }),
            checksum: card.checksum, inputs: inputs)
        regression = ScoreHistoryEntry.append(
            entry, to: &history, limit: settings.historyLimit, points: settings.regressionPoints)
        self.history = ScoreHistoryEntry.json(history)
    }
}
