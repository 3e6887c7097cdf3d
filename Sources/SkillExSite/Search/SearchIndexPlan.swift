import Foundation
import SkillEx
import Synchronization

/// The search index planned file by file: `search-index.js` under the fingerprint of the whole
/// index input, and each shard and text chunk under a fingerprint of its own content, so a
/// rebuild renders (and writes) only the files whose content changed, and counts only the pages
/// that changed (`SearchIndexModel`, `SearchTermCache`).
///
/// When the input is what the cache's head was made from and every file it names is published
/// with its fingerprint, the index is planned from the head alone: no page is read or counted.
enum SearchIndexPlan {
    /// Changes whenever the index files, or the counts and fingerprints kept for them, are made
    /// differently (a new version drops every kept count and fingerprint).
    static let version = 3

    /// The index's planned files.
    static func pages(_ context: SiteContext, published: PublishedRecords) -> [PlannedPage] {
        let indexKey = SearchDocument.key(context.input, context: context)
        let cache = context.searchTerms
        let model: LazyModel
        let files: [SearchIndexModel.PageKey]
        if let head = cache?.head(), head.indexKey == indexKey, Self.isPublished(head, published: published) {
            model = LazyModel { SearchIndexModel.make(context, indexKey: indexKey, cache: nil) }
            files = head.pages
        } else {
            let made = SearchIndexModel.make(context, indexKey: indexKey, cache: cache)
            model = LazyModel(made)
            files = made.pageKeys
        }
        var pages = [PlannedPage(path: "search-index.js", key: indexKey) { PlannedPage.Output(main: model.get().mainFile()) }]
        for file in files {
            pages.append(PlannedPage(path: file.path, key: file.key) { PlannedPage.Output(main: model.get().file(file.path)) })
        }
        return pages
    }

    /// True when `search-index.js` and every file of `head` are published with its fingerprints.
    private static func isPublished(_ head: SearchTermCache.Head, published: PublishedRecords) -> Bool {
        func intact(_ path: String, _ key: String) -> Bool {
            published.pages[path]?.key == key && !published.brokenKeys.contains(key)
        }
        return intact("search-index.js", head.indexKey) && head.pages.allSatisfy { intact($0.path, $0.key) }
    }
}

/// The model, made on first use by whichever render needs it (renders run on every core).
private final class LazyModel: Sendable {
    private let state: Mutex<SearchIndexModel?>
    private let make: @Sendable () -> SearchIndexModel

    init(_ model: SearchIndexModel) {
        state = Mutex(model)
        make = { model }
    }

    init(_ make: @escaping @Sendable () -> SearchIndexModel) {
        state = Mutex(nil)
        self.make = make
    }

    func get() -> SearchIndexModel {
        state.withLock { value in
            if let value { return value }
            let made = make()
            value = made
            return made
        }
    }
}
