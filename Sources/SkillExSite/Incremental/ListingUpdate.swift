import Foundation
import SkillEx

/// The skill listings one build found, to keep for the next (`site-listings.tsv`): made while
/// the input loads, written by the publisher after the pages (`SiteStateUpdate`).
struct ListingUpdate: Sendable {
    /// One skill's listing as the load found it.
    struct Item: Sendable {
        /// The folder relative to the hub: the cache's key, whichever form target_path has.
        var hubPath: String
        /// Its fresh listing when it had to be listed (nil on a cache hit or a failure).
        var listed: SkillListingCache.Listing?
        /// True when the kept listing was used.
        var cached: Bool
    }

    /// Every skill of the build, in load order.
    var items: [Item]
    /// The listings kept when the build started.
    var previous: SkillListingCache
    /// Where they are kept.
    var url: URL

    /// Keeps the listings of this build's skills for the next one (best effort: a lost cache only
    /// means the skills are listed again). Listings that changed are appended to the file while
    /// it is sound and holds no skill that is gone; otherwise, or once superseded lines outnumber
    /// live ones, the file is rewritten whole.
    func save() {
        var changed: [String: SkillListingCache.Listing] = [:]
        var live = 0
        var stillListed = 0
        for item in items {
            if let listed = item.listed {
                live += 1
                let before = previous.listings[item.hubPath]
                if before != nil { stillListed += 1 }
                if before != listed { changed[item.hubPath] = listed }
            } else if item.cached {
                live += 1
                stillListed += 1
            }
        }
        let stale = stillListed < previous.listings.count
        if changed.isEmpty && !stale { return }
        if !stale, previous.appendable, previous.lines + changed.count <= 2 * live + 64,
            FileBytes.append(SkillListingCache.encode(changed), toExisting: url.path)
        {
            return
        }
        var next = SkillListingCache()
        next.listings.reserveCapacity(items.count)
        for item in items {
            if let listed = item.listed {
                next.listings[item.hubPath] = listed
            } else if item.cached, let kept = previous.listings[item.hubPath] {
                next.listings[item.hubPath] = kept
            }
        }
        try? AtomicFile.write(next.encode(), to: url, durable: false)
    }
}
