public import Foundation
public import SkillEx

/// The one home of what an incremental site build keeps between builds, in `.skillex/`:
///
/// - `site-hashes[-<out>].tsv`: each published page's hash and input fingerprint (`PageRecordFile`)
/// - `site-hashes[-<out>]-stamped/`: stamped pages' templates (`StampedTemplate`)
/// - `site-writing[-<out>]`: the marker of a build under way (a killed one may leave temp files)
/// - `site-listings.tsv`: every skill's file listing by checksum (`SkillListingCache`)
/// - `site-events.json`: the event log's folded summary (`EventSummaryCache`)
/// - `site-fragments/`: rendered pieces of pages by fingerprint (`FragmentCache`)
/// - `site-search-terms.tsv`: search pages' term counts and index file fingerprints (`SearchTermCache`)
///
/// Loading input and planning pages only read these; the publisher writes them, after the
/// pages (`SitePublisher.storeState`). One record and marker per output folder, so a build
/// elsewhere does not spoil `public/`'s; the other files are pure caches shared by all.
public struct SiteBuildState: Sendable {
    /// The output folder (`public/` unless another was asked for).
    public let folder: URL
    /// The page record of `folder`.
    public let pageRecords: URL
    /// The marker present while a build of `folder` is under way.
    public let writingMarker: URL
    /// `.skillex/`.
    let stateFolder: URL

    /// The state of a build of `workspace` into `out` (default `public/`).
    public init(workspace: Workspace, out: URL? = nil) {
        let folder = out ?? workspace.publicURL
        let suffix = out == nil ? "" : "-\(Digest.sha256Hex(Data(folder.path.utf8)).prefix(12))"
        self.folder = folder
        stateFolder = workspace.stateURL
        pageRecords = workspace.stateURL.appendingPathComponent("site-hashes\(suffix).tsv")
        writingMarker = workspace.stateURL.appendingPathComponent("site-writing\(suffix)")
    }

    /// `site-listings.tsv`.
    var listingsURL: URL { stateFolder.appendingPathComponent("site-listings.tsv") }
    /// `site-events.json`.
    var eventsCacheURL: URL { stateFolder.appendingPathComponent("site-events.json") }
    /// `site-fragments/`.
    var fragmentsFolder: URL { stateFolder.appendingPathComponent("site-fragments") }

    /// The folder of the stamped templates kept beside the page record at `pageRecords`.
    static func stampedFolder(pageRecords: URL) -> URL {
        let name = pageRecords.deletingPathExtension().lastPathComponent + "-stamped"
        return pageRecords.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// The kept listings (empty when there is no file or it cannot be read).
    func listings() -> SkillListingCache {
        if let prefetched = FilePrefetch.take(listingsURL, as: SkillListingCache.self) { return prefetched }
        return (try? Data(contentsOf: listingsURL)).map(SkillListingCache.decode) ?? SkillListingCache()
    }

    /// Starts, on the other cores, what a build reads or makes before its first page: the kept
    /// listings and search counts are read and parsed, the secret patterns compiled. Each file is
    /// taken only while unchanged (`FilePrefetch`), so this changes no output. Call it holding the
    /// workspace lock, before the manifest is read.
    public func prefetch() {
        FilePrefetch.start(listingsURL, SkillListingCache.decode)
        SearchTermCache.prefetch(stateFolder: stateFolder)
        SecretMask.prepareInBackground()
    }

    /// A publisher writing into `folder` with this state's page record.
    public func publisher(verifyAll: Bool = false) -> DiskPublisher {
        DiskPublisher(folder: folder, hashesURL: pageRecords, verifyAll: verifyAll)
    }

    /// Marks a build of `folder` as under way. The caller holds the workspace lock, so temp
    /// pages of a killed run can go first: only a build that did not finish (its marker is still
    /// there) or a folder without a page record can have left any, so a finished build's folder
    /// is not walked again.
    public func beginWriting() {
        if access(writingMarker.path, F_OK) == 0 || access(pageRecords.path, F_OK) != 0 {
            WorkspaceRecovery.removeTempsRecursively(in: folder)
        }
        _ = FileManager.default.createFile(atPath: writingMarker.path, contents: nil)
    }

    /// Marks the build of `folder` as finished.
    public func finishWriting() {
        unlink(writingMarker.path)
    }
}
