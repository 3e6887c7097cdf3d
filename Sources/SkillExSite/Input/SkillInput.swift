public import Foundation
public import SkillEx
import Synchronization

/// One synced skill as the site sees it: its manifest entry, files on disk and stage data.
/// Built for every skill on every build, so it holds only what planning needs (file names and
/// sizes, fingerprints); URLs, score history and approval are made when a page asks for them.
public struct SkillInput: Sendable {
    /// What a skill holds, made once when it is loaded and never changed: a copy of the skill
    /// (every `for skill in skills` makes one) is then one retain, not one per field.
    private final class Storage: Sendable {
        let entry: SkillEntry
        let diskPath: String
        let fileEntries: Result<[SkillListingCache.Entry], SkillFilesError>
        let scorecard: Scorecard?
        let fingerprint: String
        let summaryFingerprint: String
        let folderPath: String
        /// `history`, decoded on first use (home, dashboard and the skill's page all read it).
        let decodedHistory = Once<[ScoreHistoryEntry]>()

        init(
            entry: SkillEntry, diskPath: String, fileEntries: Result<[SkillListingCache.Entry], SkillFilesError>,
            scorecard: Scorecard?, fingerprint: String, summaryFingerprint: String, folderPath: String
        ) {
            self.entry = entry
            self.diskPath = diskPath
            self.fileEntries = fileEntries
            self.scorecard = scorecard
            self.fingerprint = fingerprint
            self.summaryFingerprint = summaryFingerprint
            self.folderPath = folderPath
        }
    }

    private let storage: Storage

    init(
        entry: SkillEntry, diskPath: String, fileEntries: Result<[SkillListingCache.Entry], SkillFilesError>,
        scorecard: Scorecard?, fingerprint: String, summaryFingerprint: String, folderPath: String
    ) {
        storage = Storage(
            entry: entry, diskPath: diskPath, fileEntries: fileEntries, scorecard: scorecard, fingerprint: fingerprint,
            summaryFingerprint: summaryFingerprint, folderPath: folderPath)
    }

    /// The manifest entry.
    public var entry: SkillEntry { storage.entry }
    /// The synced folder's path on disk (`<root>/skills/<repo>/<skill>`).
    var diskPath: String { storage.diskPath }
    /// Its files' names, sizes and sources, or why they could not be listed.
    var fileEntries: Result<[SkillListingCache.Entry], SkillFilesError> { storage.fileEntries }
    /// The scorecard from `.skillex/scorecards.json`, if scoring ran.
    var scorecard: Scorecard? { storage.scorecard }
    /// Changes whenever anything the skill's pages show changes (files, entry, score).
    public var fingerprint: String { storage.fingerprint }
    /// Changes whenever what the aggregate pages show of the skill changes (entry, score, whether
    /// its files are readable), but not when only its files' content does.
    public var summaryFingerprint: String { storage.summaryFingerprint }
    /// The skill's folder in the site (`skills/<repo>/<skill>`), made once when loaded (every
    /// page, link, listing and index of the skill names it).
    public var folderPath: String { storage.folderPath }

    /// The synced folder (`skills/<repo>/<skill>`).
    public var folder: URL { URL(fileURLWithPath: diskPath, isDirectory: true) }

    /// Its files, or why they could not be listed.
    public var files: Result<[SkillFile], SkillFilesError> {
        fileEntries.map { entries in entries.map(file) }
    }

    /// The file `entry` of its listing, with the path its bytes are read from.
    func file(_ entry: SkillListingCache.Entry) -> SkillFile {
        SkillFile(
            relativePath: entry.relativePath,
            path: entry.source ?? diskPath + "/" + entry.relativePath,
            size: entry.size, isExecutable: entry.isExecutable)
    }

    /// True when the files could be listed.
    var filesReadable: Bool {
        if case .success = fileEntries { return true }
        return false
    }

    /// The manifest's `score_history`, oldest first.
    var history: [ScoreHistoryEntry] {
        storage.decodedHistory.value {
            if let value = entry.extra.values["score_history"], let plain = ScoreHistoryEntry.plainList(value) { return plain }
            return (try? entry.extra.decode([ScoreHistoryEntry].self, key: "score_history")) ?? []
        }
    }

    /// The scorecard's approval, else the manifest's `approval`, if any.
    var approval: Approval? {
        scorecard?.approval ?? (try? entry.extra.decode(Approval.self, key: "approval"))
    }

    /// The skill's page path (`skills/<repo>/<skill>/index.html`).
    public var pagePath: String { folderPath + "/index.html" }

    /// The site folder of the skill `entry`.
    static func folderPath(of entry: SkillEntry) -> String {
        "skills/\(PathSegment.clean(entry.sourceRepo))/\(PathSegment.clean(entry.name))"
    }

    /// True for a site path inside a skill's folder other than the skill's own page: its file
    /// pages and the files they link to, which are kept, written and checked with that page as
    /// one group (see `PublishedRecords.hasGroup`).
    static func isGroupMember(sitePath path: String) -> Bool {
        // A skill's page is `skills/<repo>/<skill>/index.html`: three slashes. A file named
        // `index` shown as text is `…/files/index.html`, deeper, and a member.
        path.hasPrefix("skills/") && !(path.hasSuffix("/index.html") && path.utf8.count { $0 == UInt8(ascii: "/") } == 3)
    }

    /// The score shown for the skill: the scorecard's, else the last history point's.
    var score: Double? { scorecard?.score ?? history.last?.score }
}

/// A value made by the first caller and then shared by every caller and copy.
final class Once<Value: Sendable>: Sendable {
    private let state = Mutex<Value?>(nil)

    /// The value, made with `make` the first time.
    func value(_ make: () -> Value) -> Value {
        state.withLock { value in
            if let value { return value }
            let made = make()
            value = made
            return made
        }
    }
}
