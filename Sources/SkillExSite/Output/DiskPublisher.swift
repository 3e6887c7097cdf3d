public import Foundation
public import SkillEx
import Synchronization

/// Writes the site into a folder, skipping pages whose bytes did not change since the last
/// build (content hashes in `.skillex/site-hashes.tsv`); each file is replaced atomically.
public struct DiskPublisher: SitePublisher {
    /// The site folder (`public/`).
    public var folder: URL
    /// The hash record (`.skillex/site-hashes.tsv`, see `PageRecordFile`).
    public var hashesURL: URL
    /// Check every recorded file is still there, not only each skill's page and the pages
    /// outside `skills/` (see `loadRecords`).
    public var verifyAll: Bool
    /// The record as read at the start of the build (read once, not once per call).
    private let loaded: LoadedRecords

    /// A publisher writing into `folder`, recording hashes at `hashesURL`.
    public init(folder: URL, hashesURL: URL, verifyAll: Bool = false) {
        self.folder = folder
        self.hashesURL = hashesURL
        self.verifyAll = verifyAll
        loaded = LoadedRecords()
    }

    /// Records of the pages that are still on disk.
    public func publishedRecords() -> PublishedRecords {
        loaded.published { loadRecords() }
    }

    /// Writes changed pages (both cores), removes pages that are gone, then records the hashes.
    public func publish(_ pages: [RenderedPage], keptKeys: Set<String>) throws -> PublishSummary {
        let previous = loadRecords()
        let folder = self.folder
        // Runs of neighbouring pages go to one writer, so the two cores mostly work in different
        // folders instead of queueing on the same folder's lock for every other file.
        let runs = stride(from: 0, to: pages.count, by: 32).map { $0..<min($0 + 32, pages.count) }
        let outcomes = ParallelMap.map(runs) { run in
            pages[run].map { page -> Result<(String, Bool), PublishError> in
                if let stored = page.stored { return .success((stored.hash, stored.written)) }
                return Self.store(page, in: folder, previous: previous[page.path])
            }
        }.flatMap { $0 }
        var summary = PublishSummary()
        // The new records are the old ones (kept pages are most of a rebuild's pages) with each
        // rendered page's record; a page in neither is removed. They are only put together when
        // the file is written whole (`saveRecords`), so a rebuild copies no table of every page.
        let renderedPaths = Set(pages.map(\.path))
        // Live old pages, counted without a pass over all of them: each kept fingerprint's
        // pages, less those rendered again, plus the rendered ones that were there before.
        let counts = loaded.published { loadRecords() }.countByKey
        var live = 0
        for key in keptKeys { live += counts[key] ?? 0 }
        summary.unchanged = live
        for path in renderedPaths {
            guard let old = previous[path] else { continue }
            if let key = old.key, keptKeys.contains(key) {
                summary.unchanged -= 1
            } else {
                live += 1
            }
        }
        var latest: [String: PageRecord] = [:]
        latest.reserveCapacity(pages.count)
        for (page, outcome) in zip(pages, outcomes) {
            let (hash, written) = try outcome.get()
            latest[page.path] = PageRecord(hash: hash, key: page.key)
            if written { summary.written.append(page.path) } else { summary.unchanged += 1 }
        }
        var changed: [String: PageRecord] = [:]
        for (path, record) in latest where previous[path] != record { changed[path] = record }
        // Counting is enough to know whether every old page is still live.
        if live < previous.count {
            let gone = previous.filter { path, record in
                !renderedPaths.contains(path) && !(record.key.map(keptKeys.contains) ?? false)
            }
            var emptied = Set<String>()
            for path in gone.keys.sorted() {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(path))
                summary.removed.append(path)
                if let slash = path.lastIndex(of: "/") { emptied.insert(String(path[..<slash])) }
            }
            Self.removeEmptyFolders(emptied, in: self.folder.path)
        }
        try saveRecords(previous: previous, latest: latest, changed: changed, removed: summary.removed)
        return summary
    }

    /// Removes each of `folders` (relative to `site`) and then its parents while they are empty
    /// (a removed skill leaves no empty `files/` and `raw/` behind); `rmdir` refuses a folder that
    /// still holds anything, so nothing else is touched.
    private static func removeEmptyFolders(_ folders: Set<String>, in site: String) {
        // Deepest first, so a parent is tried after its children.
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            var current = folder
            while !current.isEmpty, rmdir(site + "/" + current) == 0 {
                guard let slash = current.lastIndex(of: "/") else { break }
                current = String(current[..<slash])
            }
        }
    }

    /// Appends the records that changed, and a removal line for each page removed, when the file
    /// is sound (a rebuild after one edit writes a few lines, not the whole site's); otherwise, or
    /// once superseded lines outnumber live ones, rewrites the file atomically. The records are
    /// `previous` with `latest` laid over it and `removed` taken out.
    private func saveRecords(
        previous: [String: PageRecord], latest: [String: PageRecord], changed: [String: PageRecord], removed: [String]
    ) throws {
        if changed.isEmpty, removed.isEmpty, loaded.fileMatches { return }
        let added = latest.keys.reduce(0) { $0 + (previous[$1] == nil ? 1 : 0) }
        let count = previous.count + added - removed.count
        // Removals first, so the changed lines still end with each skill's own page.
        if loaded.fileMatches, loaded.lines + changed.count + removed.count <= 2 * count + 64,
            FileBytes.append(
                PageRecordFile.removals(removed) + PageRecordFile.encode(changed, groupHeadsLast: true),
                toExisting: hashesURL.path)
        {
            return
        }
        var records = previous
        for (path, record) in latest { records[path] = record }
        for path in removed { records[path] = nil }
        do { try AtomicFile.write(PageRecordFile.encode(records), to: hashesURL) } catch {
            throw PublishError(path: hashesURL.path, reason: ErrorText.reason(error, at: hashesURL.path))
        }
    }

    /// `mkdir -p` (`Folders.make`); a folder made by another writer meanwhile is fine, any other
    /// failure shows when the file is opened. The site's `skills/` and each repository's folder in
    /// it hold a folder per repository or per skill: made spread (`FolderSpread`), so ext4 places
    /// each of those in a lightly used block group instead of the ones a removed site just freed.
    static func makeFolders(_ path: String, site: String) {
        try? Folders.make(path, spreading: { spreadsFolders($0, site: site) })
    }

    /// True for `<site>/skills` and `<site>/skills/<repo>`.
    static func spreadsFolders(_ path: String, site: String) -> Bool {
        let prefix = site + "/skills"
        guard path.hasPrefix(prefix) else { return false }
        let rest = path.utf8.dropFirst(prefix.utf8.count)
        guard let first = rest.first else { return true }
        let repo = rest.dropFirst()
        return first == UInt8(ascii: "/") && !repo.isEmpty && !repo.contains(UInt8(ascii: "/"))
    }

    /// The stamped template kept for `path` in `.skillex/site-stamped/`.
    public func stampedTemplate(path: String) -> StampedTemplate? {
        (try? Data(contentsOf: stampedURL(path))).flatMap(StampedTemplate.decode)
    }

    /// Keeps `templates` in `.skillex/site-stamped/` (atomically; failures only cost a render).
    public func storeStampedTemplates(_ templates: [String: StampedTemplate]) {
        for (path, template) in templates {
            let url = stampedURL(path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? AtomicFile.write(template.encoded, to: url, durable: false)
        }
    }

    private func stampedURL(_ path: String) -> URL {
        SiteBuildState.stampedFolder(pageRecords: hashesURL)
            .appendingPathComponent(path.replacingOccurrences(of: "/", with: "__"))
    }

    /// Writes a file that is not there yet as an unnamed file in its folder, then links it in
    /// under `path`: readers never see it half-written, and there is no temp name to create and
    /// rename. False when that cannot be done here
    /// (no O_TMPFILE, the file exists…); the caller then writes a temp file and renames it.
    static func writeNew(_ data: Data, to path: String, site: String) -> Bool {
        #if os(Linux)
        guard let slash = path.lastIndex(of: "/") else { return false }
        let folder = String(path[..<slash])
        let unnamed = Int32(0o20000000) | O_DIRECTORY  // O_TMPFILE, which Glibc's module does not export
        var fd = open(folder, O_WRONLY | unnamed, 0o644)
        if fd < 0, errno == ENOENT {
            makeFolders(folder, site: site)
            fd = open(folder, O_WRONLY | unnamed, 0o644)
        }
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard writeAll(data, to: fd) == nil else { return false }
        return linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0
        #else
        return false
        #endif
    }

    /// Writes every byte of `data` to `fd`; the reason on failure.
    private static func writeAll(_ data: Data, to fd: Int32) -> String? {
        var failure: String?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(fd, raw.baseAddress?.advanced(by: offset), raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        return failure
    }

    /// Writes a temp file beside `path` and renames it over `path`; the reason on failure.
    static func writeAtomically(_ data: Data, to path: String, site: String) -> String? {
        // Hidden (`.<name>.tmp-<UUID>`), so a static host never serves one a crash left behind.
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let temp = String(path[..<slash]) + "." + String(path[slash...]) + ".tmp-\(UUID().uuidString)"
        var fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0, errno == ENOENT {
            // Folders are made by whichever writer first needs them, on both cores, with no
            // separate pass over every folder of the site.
            makeFolders(String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]), site: site)
            fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        var failure = writeAll(data, to: fd)
        close(fd)
        if failure == nil, rename(temp, path) != 0 { failure = String(cString: strerror(errno)) }
        if failure != nil { unlink(temp) }
        return failure
    }

    /// The last build's records, minus pages someone deleted from the folder since.
    func loadRecords() -> [String: PageRecord] {
        loaded.get {
            guard let data = try? Data(contentsOf: hashesURL) else { return ([:], false, 0, []) }
            let (records, lines) = PageRecordFile.decode(data)
            // One access() per page, relative to the site folder (a shorter path walk), on every core.
            // A skill's files sit in its folder beside its page (`skills/<repo>/<skill>/index.html`),
            // and its pages are kept or written as one group: a missing page, or its whole folder
            // gone, makes the group written again, and each file whose bytes are unchanged is
            // checked then. So only those pages and everything outside `skills/` are checked here
            // (a third of a hub's files); a file removed by hand from inside a skill's folder
            // comes back when that skill changes, or with `verifyAll` (`skillex site --verify`).
            let verifyAll = verifyAll
            let paths = records.keys.filter { verifyAll || !SkillInput.isGroupMember(sitePath: $0) }
            let runs = stride(from: 0, to: paths.count, by: 256).map { paths[$0..<min($0 + 256, paths.count)] }
            let site = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            defer { if site >= 0 { close(site) } }
            // `verifyAll` also reads every page for live-reload code (a preview server's script,
            // from an older `skillex serve` that wrote it into the folder, or an edit by hand):
            // such a page counts as missing, so it is written again as this build renders it.
            let folderPath = folder.path
            let missing = ParallelMap.map(runs) { run in
                run.filter {
                    site < 0 || $0.hasPrefix("/") || faccessat(site, $0, F_OK, 0) != 0
                        || (verifyAll && LiveReload.isIn(fileAt: folderPath + "/" + $0))
                }
            }.flatMap { $0 }
            var present = records
            var broken = Set<String>()
            for path in missing {
                if let key = present[path]?.key { broken.insert(key) }
                present[path] = nil
            }
            // A file cut short (no final newline) is rewritten whole, never appended to.
            return (present, present.count == records.count && data.last == UInt8(ascii: "\n"), lines, broken)
        }
    }
}

/// The hash record of one build, read on first use.
private final class LoadedRecords: Sendable {
    private let state = Mutex<(records: [String: PageRecord], fileMatches: Bool, lines: Int, broken: Set<String>)?>(nil)
    private let counted = Mutex<PublishedRecords?>(nil)

    /// The records with their counts by key, made from `records()` the first time.
    func published(_ records: () -> [String: PageRecord]) -> PublishedRecords {
        counted.withLock { value in
            if let value { return value }
            var made = PublishedRecords(records())
            made.brokenKeys = state.withLock { $0?.broken ?? [] }
            value = made
            return made
        }
    }

    /// True when the file is whole and held only pages still on disk (then it can be appended to).
    var fileMatches: Bool { state.withLock { $0?.fileMatches ?? false } }
    /// Record lines in the file, superseded ones included.
    var lines: Int { state.withLock { $0?.lines ?? 0 } }

    /// The records, loading them with `load` the first time.
    func get(_ load: () -> ([String: PageRecord], Bool, Int, Set<String>)) -> [String: PageRecord] {
        state.withLock { value in
            if let value { return value.records }
            let loaded = load()
            value = loaded
            return loaded.0
        }
    }
}

/// A site file that could not be written.
public struct PublishError: DescribedError, Equatable {
    /// The file.
    public var path: String
    /// Why.
    public var reason: String
    /// One line naming the file and the problem.
    public var description: String { "\(path): cannot write: \(reason)" }
}
