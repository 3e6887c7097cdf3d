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
    /// `docs/roadmap.md`, if present.
    public var roadmap: DocPage?
    /// `.skillex/scorecards.json`, if scoring ran.
    var scorecards: ScorecardFile?
    /// `dist/index.json`, if packaging ran.
    var packs: PackIndex?
    /// `.skillex/events.jsonl`, nil when there is no log.
    var events: [EventRecord]?
    /// Lines of the event log that could not be read.
    var unreadableEvents: Int
    /// JSON Schemas by file name: the built-in ones, overridden by the workspace's `schemas/`.
    public var schemas: [String: String]
    /// The build's time, from the workspace clock.
    public var now: Date

    /// Reads the workspace; a malformed stage file is an error naming it.
    public static func load(workspace: Workspace, manifest: Manifest) throws(SiteError) -> SiteInput {
        let settings = (try? manifest.extra.decode(SiteSettings.self, key: "site")) ?? SiteSettings()
        let scorecards = try decodeFile(ScorecardFile.self, at: workspace.stateURL.appendingPathComponent("scorecards.json"))
        let packs = try decodeFile(PackIndex.self, at: workspace.distURL.appendingPathComponent("index.json"))
        let (events, unreadable) = loadEvents(workspace.stateURL.appendingPathComponent("events.jsonl"))
        let cards = Dictionary(
            (scorecards?.skills ?? []).map { ("\($0.repo)/\($0.skill)", $0) }, uniquingKeysWith: { a, _ in a })
        let entries = manifest.skills.sorted {
            ($0.sourceRepo, $0.name) < ($1.sourceRepo, $1.name)
        }
        let root = workspace.root
        let skills = ParallelMap.map(entries) { entry in
            Self.skill(entry, root: root, scorecard: cards["\(entry.sourceRepo)/\(entry.name)"])
        }
        let cookbookFolder = URL(
            fileURLWithPath: settings.cookbookDir ?? "docs/cookbook", relativeTo: workspace.root
        ).standardizedFileURL
        return SiteInput(
            workspace: workspace, manifest: manifest, settings: settings, skills: skills,
            cookbook: loadCookbook(cookbookFolder), cookbookFolder: cookbookFolder,
            roadmap: roadmapText(workspace: workspace, cookbook: cookbookFolder).map {
                DocPage(fileName: "roadmap.md", text: $0)
            },
            scorecards: scorecards, packs: packs, events: events, unreadableEvents: unreadable,
            schemas: loadSchemas(workspace.root.appendingPathComponent("schemas")),
            now: workspace.clock.now())
    }

    /// The site's title: the manifest's `site.title`, else a default.
    public var title: String { settings.title ?? "Skills hub" }

    // MARK: - Loading helpers

    private static func skill(_ entry: SkillEntry, root: URL, scorecard: ScorecardEntry?) -> SkillInput {
        let folder = URL(fileURLWithPath: entry.targetPath, relativeTo: root).standardizedFileURL
        let files = Result { () throws(SkillFilesError) in try SkillFiles.list(folder) }
        let history = (try? entry.extra.decode([ScoreHistoryPoint].self, key: "score_history")) ?? []
        let approval = scorecard?.approval ?? (try? entry.extra.decode(Approval.self, key: "approval"))
        var hasher = SHA256Hasher()
        hasher.update((try? JSONWriter.line(entry)) ?? entry.checksum)
        hasher.update((try? JSONWriter.line(scorecard)) ?? "")
        switch files {
        case .success(let list):
            for file in list {
                hasher.update("\(file.relativePath)\u{0}\(file.size)\u{0}\(file.modifiedNanoseconds)\u{0}\(file.inode)\n")
            }
        case .failure(let error): hasher.update(error.description)
        }
        return SkillInput(
            entry: entry, folder: folder, files: files, scorecard: scorecard, history: history,
            approval: approval, fingerprint: Digest.hex(hasher.finalize()))
    }

    private static func decodeFile<T: Decodable>(_ type: T.Type, at url: URL) throws(SiteError) -> T? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        do { return try JSONDecoder().decode(T.self, from: data) } catch {
            throw .badFile(path: url.path, reason: ErrorText.decoding(error))
        }
    }

    private static func loadEvents(_ url: URL) -> ([EventRecord]?, Int) {
        guard let data = try? Data(contentsOf: url) else { return (nil, 0) }
        let lines = data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }
        // Decoded in chunks on every core, each chunk as one JSON array (one decoder call per
        // chunk instead of per line); a chunk that does not decode line for line is redone per line.
        let size = max(256, lines.count / 16 + 1)
        let chunks = stride(from: 0, to: lines.count, by: size).map { Array(lines[$0..<min($0 + size, lines.count)]) }
        let decoded = ParallelMap.map(chunks) { chunk -> ([EventRecord], Int) in
            var joined = Data("[".utf8)
            for (index, line) in chunk.enumerated() {
                if index > 0 { joined.append(UInt8(ascii: ",")) }
                joined.append(line)
            }
            joined.append(UInt8(ascii: "]"))
            let decoder = JSONDecoder()
            if let events = try? decoder.decode([EventRecord].self, from: joined), events.count == chunk.count {
                return (events, 0)
            }
            var events: [EventRecord] = []
            var unreadable = 0
            for line in chunk {
                if let event = try? decoder.decode(EventRecord.self, from: Data(line)) {
                    events.append(event)
                } else {
                    unreadable += 1
                }
            }
            return (events, unreadable)
        }
        return (decoded.flatMap(\.0), decoded.reduce(0) { $0 + $1.1 })
    }

    /// `roadmap.md` beside the cookbook folder (the docs folder it lives in), else `docs/roadmap.md`.
    private static func roadmapText(workspace: Workspace, cookbook: URL) -> String? {
        readText(cookbook.deletingLastPathComponent().appendingPathComponent("roadmap.md"))
            ?? readText(workspace.root.appendingPathComponent("docs/roadmap.md"))
    }

    private static func loadCookbook(_ folder: URL) -> [DocPage] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let pages = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.compactMap { name in
            readText(folder.appendingPathComponent(name)).map { DocPage(fileName: name, text: $0) }
        }
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
        guard let data = try? Data(contentsOf: url) else { return nil }
        return String(decoding: data, as: UTF8.self)
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
