import Foundation

/// The aggregation stage: copies every repository's skills into `skills/`, validates them,
/// records checksums in the manifest, skips unchanged skills and prunes vanished ones.
public struct Syncer: Sendable {
    /// The hub being synced.
    public var workspace: Workspace
    /// Flags.
    public var options: SyncOptions
    /// Where run and per-skill events go (none when nil).
    public var telemetry: Telemetry?

    /// A syncer for `workspace`, emitting events on `telemetry` when given.
    public init(workspace: Workspace, options: SyncOptions = SyncOptions(), telemetry: Telemetry? = nil) {
        self.workspace = workspace
        self.options = options
        self.telemetry = telemetry
    }

    /// Syncs `manifest`'s repositories; returns the result and the updated manifest (which the
    /// caller saves unless it is a dry run). Writes into `skills/` only at the end, skill by skill.
    public func sync(_ manifest: Manifest) throws -> (SyncResult, Manifest) {
        let now = Timestamp.string(workspace.clock.now())
        let limits = try SkillLimits.of(manifest)
        let events = SyncEvents(telemetry: telemetry, dryRun: options.dryRun)
        let runBegin = Date()
        // Git sources are fetched first; one that fails is left out, its skills untouched.
        let sources = GitSources(workspace: workspace, offline: options.offline).prepare(manifest)
        var plan = try SyncPlanner(workspace: workspace, options: options).plan(sources.manifest, skipping: sources.failed)
        plan.issues = sources.issues + plan.issues
        events.runStarted()
        let cacheURL = SyncCache.url(workspace)
        var cache = SyncCache.load(cacheURL)
        let staging = workspace.skillsURL.appendingPathComponent(".staging-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        let work = SkillSyncWork(
            options: options, validator: SpecValidator(mode: options.mode), staging: staging,
            packageScript: options.packageScript.map {
                ExternalValidator(argv: $0, baseFolder: workspace.root, timeout: options.validatorTimeout)
            }, limits: limits)

        let previous = cache
        let recorded = Dictionary(
            manifest.skills.map { (SyncCache.key(repo: $0.sourceRepo, skill: $0.name), $0) },
            uniquingKeysWith: { first, _ in first })
        let outcomes = ParallelMap.map(plan.skills) { skill -> (SkillSyncWork.Outcome, Double) in
            let begin = Date()
            let key = SyncCache.key(repo: skill.repo, skill: skill.name)
            let outcome = work.process(skill, recorded: recorded[key], cached: previous.skills[key])
            let ms = Date().timeIntervalSince(begin) * 1000
            events.skillChecked(skill, outcome, durationMs: ms)
            return (outcome, ms)
        }

        var updated = sources.manifest
        var results: [SkillOutcome] = []
        var issues = plan.issues
        var copied = 0, skipped = 0, validated = 0
        var unchanged = Set<String>()  // skipped skills, whose target_path may need v0.1's form
        for (skill, (outcome, ms)) in zip(plan.skills, outcomes) {
            var result = SkillOutcome(status: .skipped, repo: skill.repo, skill: skill.name, durationMs: ms)
            let key = SyncCache.key(repo: skill.repo, skill: skill.name)
            switch outcome {
            case .skipped(let checksum, let fingerprint, let bytes, let listing):
                (result.status, result.checksum, result.bytes) = (.skipped, checksum, bytes)
                // The installed copy was not touched: its fingerprint and listing still hold for
                // this checksum.
                let kept = previous.skills[key].flatMap { $0.checksum == checksum ? $0 : nil }
                cache.skills[key] = .init(
                    fingerprint: fingerprint, checksum: checksum, target: kept?.target, listing: listing,
                    copy: kept?.copy)
                unchanged.insert(key)
                skipped += 1
                validated += 1
            case .wouldCopy(let checksum, let bytes):
                (result.status, result.checksum, result.bytes) = (.wouldCopy, checksum, bytes)
                copied += 1
                validated += 1
            case .staged(let checksum, let fingerprint, let bytes, let description, let target, let listing, let copy):
                do {
                    try install(skill, from: staging)
                } catch {
                    let failure = SyncIssue(
                        reason: "copy_failed", repo: skill.repo, skill: skill.name,
                        path: skill.target.path, message: ErrorText.brief(error))
                    (result.status, result.error) = (.failed, failure)
                    issues.append(failure)
                    events.skillFailed(failure, durationMs: ms)
                    break
                }
                (result.status, result.checksum, result.bytes) = (.copied, checksum, bytes)
                cache.skills[key] = .init(
                    fingerprint: fingerprint, checksum: checksum, target: target, listing: listing, copy: copy)
                record(skill, checksum: checksum, description: description, at: now, in: &updated)
                copied += 1
                validated += 1
            case .failed(let failure):
                (result.status, result.error) = (.failed, failure)
                issues.append(failure)
            }
            events.skillSynced(result)
            results.append(result)
        }
        Self.recordTargetPaths(of: unchanged, in: &updated)

        let pruned = prune(plan: plan, manifest: manifest, updated: &updated, cache: &cache, staging: staging)
        results += pruned
        updated.generatedAt = now
        // A cache holding what the file already holds is not written again (a no-change build).
        if !options.dryRun, cache.skills != previous.skills || access(cacheURL.path, F_OK) != 0 {
            try? cache.save(cacheURL)
        }
        let summary = SyncResult.Summary(
            planned: plan.skills.count, copied: copied, validated: validated, errors: issues,
            timestamp: now, skipped: skipped, removed: pruned.count)
        var result = SyncResult(
            status: issues.isEmpty ? .ok : .error, summary: summary,
            target: workspace.skillsURL.path, version: options.version, dryRun: options.dryRun,
            results: results)
        result.sources = sources.sources.isEmpty ? nil : sources.sources
        events.runEnded(result, durationMs: Date().timeIntervalSince(runBegin) * 1000)
        telemetry?.flush()
        return (result, updated)
    }

    // MARK: - Writing

    /// Swaps the staged copy in: old copy renamed aside, staged renamed in, old removed.
    private func install(_ skill: PlannedSkill, from staging: URL) throws {
        let staged = staging.appendingPathComponent(skill.repo).appendingPathComponent(skill.name)
        try Folders.make(skill.target.deletingLastPathComponent().path)
        // Move any old copy aside first: rename cannot replace a non-empty folder.
        let aside = staging.appendingPathComponent(".old-\(skill.repo)-\(skill.name)")
        if rename(skill.target.path, aside.path) != 0 && errno != ENOENT {
            throw FileBytes.posixError(skill.target.path)
        }
        try AtomicFile.replace(skill.target, with: staged)
    }

    private func record(
        _ skill: PlannedSkill, checksum: String, description: String?, at now: String,
        in manifest: inout Manifest
    ) {
        let relative = SkillEntry.targetPath(repo: skill.repo, skill: skill.name)
        var entry =
            manifest.skill(repo: skill.repo, name: skill.name)
            ?? SkillEntry(name: skill.name, sourceRepo: skill.repo, targetPath: relative, checksum: checksum, packagedAt: now)
        entry.targetPath = relative
        entry.checksum = checksum
        entry.packagedAt = now
        entry.sourceCommit = skill.git?.commit
        entry.sourceBranch = skill.git?.branch
        entry.description = description
        if let index = manifest.skills.firstIndex(where: { $0.sourceRepo == skill.repo && $0.name == skill.name }) {
            manifest.skills[index] = entry
        } else {
            manifest.skills.append(entry)
        }
        manifest.skills.sort { ($0.sourceRepo, $0.name) < ($1.sourceRepo, $1.name) }
    }

    /// Rewrites the `target_path` of the unchanged skills `keys` (`repo/skill`) in v0.1's form
    /// (`<repo>/<skill>`, relative to the skills folder) where the manifest holds SkillEx 0.2's
    /// `skills/<repo>/<skill>`: one pass over the manifest (the first entry of each key), not a
    /// search per skill.
    private static func recordTargetPaths(of keys: Set<String>, in manifest: inout Manifest) {
        var seen = Set<String>()
        for index in manifest.skills.indices {
            let entry = manifest.skills[index]
            let key = SyncCache.key(repo: entry.sourceRepo, skill: entry.name)
            guard keys.contains(key), seen.insert(key).inserted else { continue }
            let path = SkillEntry.targetPath(repo: entry.sourceRepo, skill: entry.name)
            if entry.targetPath != path { manifest.skills[index].targetPath = path }
        }
    }

    /// Removes skills whose repository was listed but no longer has them, and skills of
    /// repositories no longer in the manifest. Each folder is first renamed into `staging`
    /// (one atomic step), then deleted there: a run killed part-way leaves the whole folder or
    /// none of it, and the staging folder a killed run leaves is swept by the next one.
    private func prune(
        plan: SyncPlanner.Plan, manifest: Manifest, updated: inout Manifest, cache: inout SyncCache, staging: URL
    ) -> [SkillOutcome] {
        let present = Set(plan.skills.map { SyncCache.key(repo: $0.repo, skill: $0.name) })
        let repoNames = Set(manifest.repositories.map(\.name))
        var removed: [SkillOutcome] = []
        updated.skills.removeAll { entry in
            let key = SyncCache.key(repo: entry.sourceRepo, skill: entry.name)
            let vanished = plan.listedRepos.contains(entry.sourceRepo) && !present.contains(key)
            let orphaned = !repoNames.contains(entry.sourceRepo)
            guard vanished || orphaned else { return false }
            if !options.dryRun {
                let folder = workspace.skillsURL.appendingPathComponent(entry.sourceRepo)
                    .appendingPathComponent(entry.name)
                let aside = staging.appendingPathComponent(".gone-\(entry.sourceRepo)-\(entry.name)")
                if (try? Folders.make(staging.path)) != nil, rename(folder.path, aside.path) == 0 {
                    try? FileManager.default.removeItem(at: aside)
                } else {
                    try? FileManager.default.removeItem(at: folder)
                }
                cache.skills[key] = nil
            }
            removed.append(
                SkillOutcome(status: .removed, repo: entry.sourceRepo, skill: entry.name, checksum: entry.checksum))
            return true
        }
        return removed
    }
}
