public import Foundation
public import SkillEx

/// Everything the site reads, loaded once before any rendering.
public struct SiteInput: Sendable {
    /// The workspace.
    public var workspace: Workspace
    /// The manifest.
    public var manifest: Manifest
    /// The manifest's `site` section.
    public var settings: SiteSettings
    /// Every skill of the manifest, by repository then name.
    public var skills: [SkillInput]
    /// Cookbook pages in reading order.
    public var cookbook: [DocPage]
    /// The cookbook folder that was read (absent folders give an empty cookbook).
    public var cookbookFolder: URL
    /// When each cookbook file was last committed (`GitDates`), asked of git while the rest loads.
    var cookbookDates: Background<[String: String]>
    /// `docs/roadmap.md`, if present.
    public var roadmap: DocPage?
    /// `.skillex/scorecards.json`, if scoring ran.
    var scorecards: ScoreRun?
    /// `dist/index.json`, if packaging ran.
    var packs: DistIndex?
    /// The skill listings found, kept for the next build by the publisher.
    let listings: ListingUpdate
    /// `.skillex/events.jsonl`, read when a page first needs it.
    let eventLog: LazyEventLog
    /// What the pages show of `.skillex/events.jsonl` (`exists` is false when there is no log).
    var eventSummary: EventSummary { eventLog.summary }
    /// Changes whenever anything the aggregate pages (home, dashboard) show may change: every
    /// skill's summary, the scorecards, the packs and the event log's identity.
    var aggregateFingerprint: String
    /// JSON Schemas by file name: the built-in ones, overridden by the workspace's `schemas/`.
    public var schemas: [String: String]
    /// The build's time, from the workspace clock.
    public var now: Date

    /// Reads the workspace (and writes nothing); a malformed stage file is an error naming it.
    /// `scored` is the score stage's run when it ran in this process (`skillex build`): the
    /// scorecards it wrote are then not read back.
    public static func load(workspace: Workspace, manifest: Manifest, scored: ScoreRun? = nil) throws(SiteError) -> SiteInput {
        let settings = (try? manifest.extra.decode(SiteSettings.self, key: "site")) ?? SiteSettings()
        let state = SiteBuildState(workspace: workspace)
        let scorecardsURL = ScorecardStore.url(workspace)
        var scorecards = scored
        if scored == nil {
            do { scorecards = try ScorecardStore.read(at: scorecardsURL) } catch {
                throw .badFile(path: scorecardsURL.path, reason: ErrorText.decoding(error))
            }
        }
        let packsURL = workspace.distURL.appendingPathComponent(DistIndex.fileName)
        let packsData = try? Data(contentsOf: packsURL)
        let packs: DistIndex?
        do { packs = try packsData.map { try DistIndex.decode($0, label: packsURL.path) } } catch {
            if case PackagingError.badFile(let path, let reason) = error { throw .badFile(path: path, reason: reason) }
            throw .badFile(path: packsURL.path, reason: ErrorText.brief(error))
        }
        let eventLog = LazyEventLog(
            url: workspace.stateURL.appendingPathComponent("events.jsonl"), cacheURL: state.eventsCacheURL)
        // Home and dashboard need the log's summary on nearly every build; it is folded on the
        // other core while the rest is read.
        DispatchQueue.global().async { _ = eventLog.summary }
        let cookbookFolder = URL(
            fileURLWithPath: settings.cookbookDir ?? "docs/cookbook", relativeTo: workspace.root
        ).standardizedFileURL
        // `git log` runs while the skills are read (waiting for a child process took the plan's time).
        let cookbookDates = Background { GitDates.lastCommitted(in: cookbookFolder) }
        PhaseTrace.mark("input.scorecards+packs")
        let cards = Dictionary(
            (scorecards?.skills ?? []).map { ("\($0.repo)/\($0.skill)", $0) }, uniquingKeysWith: { a, _ in a })
        let entries = manifest.skills.sorted {
            ($0.sourceRepo, $0.name) < ($1.sourceRepo, $1.name)
        }
        let root = workspace.root
        let plainRoot = plainPath(root)
        let skillsFolder = workspace.skillsFolder
        let cache = state.listings()
        let presence = FolderPresence()
        let loaded = ParallelMap.map(entries) { entry in
            Self.skill(
                entry, root: root, plainRoot: plainRoot, skillsFolder: skillsFolder,
                scorecard: cards["\(entry.sourceRepo)/\(entry.name)"], cache: cache, presence: presence)
        }
        PhaseTrace.mark("input.skills")
        let skills = loaded.map(\.skill)
        let skillsFingerprint = Self.skillsFingerprint(skills, threshold: scorecards?.threshold)
        return SiteInput(
            workspace: workspace, manifest: manifest, settings: settings, skills: skills,
            cookbook: loadCookbook(cookbookFolder), cookbookFolder: cookbookFolder, cookbookDates: cookbookDates,
            roadmap: roadmapText(workspace: workspace, cookbook: cookbookFolder).map {
                DocPage(fileName: "roadmap.md", text: $0)
            },
            scorecards: scorecards, packs: packs,
            listings: ListingUpdate(items: loaded.map(\.listing), previous: cache, url: state.listingsURL),
            eventLog: eventLog,
            aggregateFingerprint: aggregateFingerprint(skillsFingerprint, packs: packsData, events: eventLog),
            schemas: loadSchemas(workspace.root.appendingPathComponent("schemas")),
            now: workspace.clock.now())
    }

    /// The site's title: the manifest's `site.title`, else a default.
    public var title: String { settings.title ?? "Skills hub" }

    // MARK: - Loading helpers

    /// Every skill's summary and the score threshold (what listings of skills show).
    private static func skillsFingerprint(_ skills: [SkillInput], threshold: Double?) -> String {
        var hasher = SHA256Hasher()
        for skill in skills { hasher.update(skill.summaryFingerprint) }
        hasher.update("\u{0}\(threshold.map { "\($0)" } ?? "-")")
        return Digest.hex(hasher.finalize())
    }

    private static func aggregateFingerprint(_ skills: String, packs: Data?, events: LazyEventLog) -> String {
        var hasher = SHA256Hasher()
        hasher.update("\(skills)\u{0}\(events.identity)\u{0}")
        hasher.update(packs ?? Data())
        return Digest.hex(hasher.finalize())
    }

    /// One skill's input and what its listing was.
    private struct LoadedSkill: Sendable {
        var skill: SkillInput
        var listing: ListingUpdate.Item
    }

    private static func skill(
        _ entry: SkillEntry, root: URL, plainRoot: String?, skillsFolder: String, scorecard: Scorecard?,
        cache: SkillListingCache, presence: FolderPresence
    ) -> LoadedSkill {
        // target_path in either form: v0.1's `<repo>/<skill>` or `skills/<repo>/<skill>`.
        let hubPath = entry.hubPath(skillsFolder: skillsFolder)
        let diskPath = Self.folderPath(hubPath, root: root, plainRoot: plainRoot)
        // skills/ is sync's output, so the checksum names the folder's content: an unchanged
        // skill is not walked again (only checked to still be there).
        let entries: Result<[SkillListingCache.Entry], SkillFilesError>
        var listed: SkillListingCache.Listing?
        var cached = false
        if let hit = cache.entries(targetPath: hubPath, checksum: entry.checksum), presence.exists(diskPath) {
            entries = .success(hit)
            cached = true
        } else {
            let folder = URL(fileURLWithPath: diskPath, isDirectory: true)
            let files = Result { () throws(SkillFilesError) in try SkillFiles.list(folder) }
            entries = files.map { SkillListingCache.entries(of: $0, folder: diskPath) }
            if case .success(let list) = files {
                listed = SkillListingCache.listing(checksum: entry.checksum, files: list, folder: diskPath)
            }
        }
        var summary = SHA256Hasher()
        entry.identityBytes.withUnsafeBytes { summary.update($0) }
        if let scorecard {
            summary.update("\u{0}scorecard\u{0}")
            scorecard.fingerprint(into: &summary)
        }
        if case .failure = entries { summary.update("\u{0}unreadable") }
        let summaryFingerprint = Digest.hex(summary.finalize())
        // The page shows the checksum (in the entry) and the file names and sizes; the files'
        // content is what the checksum names.
        var hasher = SHA256Hasher()
        hasher.update(summaryFingerprint)
        switch entries {
        case .success(let list):
            for file in list {
                hasher.update(file.relativePath)
                withUnsafeBytes(of: file.size.littleEndian) { hasher.update($0) }
                hasher.update("\n")
            }
        case .failure(let error): hasher.update(error.description)
        }
        let skill = SkillInput(
            entry: entry, diskPath: diskPath, fileEntries: entries, scorecard: scorecard,
            fingerprint: Digest.hex(hasher.finalize()), summaryFingerprint: summaryFingerprint,
            folderPath: SkillInput.folderPath(of: entry))
        return LoadedSkill(skill: skill, listing: ListingUpdate.Item(hubPath: hubPath, listed: listed, cached: cached))
    }

    /// The path of `root`/`path`, standardized; plain relative paths (the usual
    /// `skills/<repo>/<skill>`) skip Foundation's URL standardization.
    static func folderPath(_ path: String, root: URL, plainRoot: String? = nil) -> String {
        if let base = plainRoot ?? Self.plainPath(root), Self.plainPath(relative: path) {
            return base + "/" + path
        }
        return URL(fileURLWithPath: path, isDirectory: true, relativeTo: root).standardizedFileURL.path
    }

    /// `root`/`path` made absolute and standardized; plain relative paths (the usual
    /// `skills/<repo>/<skill>`) skip Foundation's URL standardization.
    static func folder(_ path: String, root: URL, plainRoot: String? = nil) -> URL {
        if let base = plainRoot ?? Self.plainPath(root), Self.plainPath(relative: path) {
            return URL(fileURLWithPath: base + "/" + path, isDirectory: true)
        }
        return URL(fileURLWithPath: path, isDirectory: true, relativeTo: root).standardizedFileURL
    }

    /// `url`'s path when it is absolute with no `.`, `..` or empty segment and no final slash.
    static func plainPath(_ url: URL) -> String? {
        let path = url.path
        guard path.hasPrefix("/"), path.count > 1 else { return nil }
        return plainPath(relative: String(path.dropFirst())) ? path : nil
    }

    /// True for a relative path with no `.`, `..` or empty segment.
    static func plainPath(relative path: String) -> Bool {
        // One pass over the bytes (this runs for every skill on every build).
        var segmentLength = 0
        var dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if segmentLength == 0 || dots == segmentLength && dots <= 2 { return false }
                segmentLength = 0
                dots = 0
            } else {
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return segmentLength > 0 && !(dots == segmentLength && dots <= 2)
    }

    /// `roadmap.md` beside the cookbook folder (the docs folder it lives in), else `docs/roadmap.md`.
    private static func roadmapText(workspace: Workspace, cookbook: URL) -> String? {
        readText(cookbook.deletingLastPathComponent().appendingPathComponent("roadmap.md"))
            ?? readText(workspace.root.appendingPathComponent("docs/roadmap.md"))
    }

    private static func loadCookbook(_ folder: URL) -> [DocPage] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        // Read on every core: a hub's cookbook can hold a hundred pages, read on every build.
        let pages = ParallelMap.map(names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }) { name in
            readText(folder.appendingPathComponent(name)).map { DocPage(fileName: name, text: $0) }
        }.compactMap { $0 }
        return DocPage.ordered(pages)
    }

    private static func loadSchemas(_ folder: URL) -> [String: String] {
        var schemas: [String: String] = [:]
        for (key, text) in EmbeddedTheme.files where key.hasPrefix("schemas/") {
            schemas[String(key.dropFirst("schemas/".count))] = text
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasSuffix(".json") {
            if let text = readText(folder.appendingPathComponent(name)) { schemas[name] = text }
        }
        return schemas
    }

    static func readText(_ url: URL) -> String? {
        guard let bytes = try? FileBytes.readAll(url, expected: 16 * 1024) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Why the site cannot be built.
public enum SiteError: DescribedError, Equatable {
    /// A stage file exists but cannot be read.
    case badFile(path: String, reason: String)
    /// A template failed to parse or names a missing partial.
    case template(file: String, line: Int, reason: String)
    /// A cookbook command failed.
    case command(file: String, command: String, reason: String)

    /// One line naming the file and the problem.
    public var description: String {
        switch self {
        case .badFile(let path, let reason): "\(path): \(reason)"
        case .template(let file, let line, let reason): "\(file):\(line): \(reason)"
        case .command(let file, let command, let reason): "\(file): `\(command)` failed: \(reason)"
        }
    }
}
