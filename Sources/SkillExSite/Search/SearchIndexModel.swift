import Foundation
import SkillEx

/// The search index of one build as the incremental build holds it: every page's counts (kept
/// ones from `SearchTermCache`, the others tokenized now), which pages have terms in each
/// shard, and a fingerprint for each index file made from exactly what the file is made of. It
/// writes the same files as `SearchIndex.files()` (the cold, all-at-once form), one at a time.
struct SearchIndexModel: Sendable {
    /// One index file and the fingerprint of its content.
    struct PageKey: Sendable, Equatable {
        var path: String
        var key: String

        /// True for a shard's or chunk's path (`search/t-<shard>.js`, `search/d-<n>.js`).
        static func isIndexFile(_ path: String) -> Bool {
            shard(of: path) != nil || chunk(of: path) != nil
        }

        /// The shard of `search/t-<shard>.js`.
        static func shard(of path: String) -> String? {
            guard path.hasPrefix("search/t-"), path.hasSuffix(".js") else { return nil }
            let shard = String(path.dropFirst(9).dropLast(3))
            return shard.count == 1 ? shard : nil
        }

        /// The chunk of `search/d-<n>.js`.
        static func chunk(of path: String) -> Int? {
            guard path.hasPrefix("search/d-"), path.hasSuffix(".js") else { return nil }
            return Int(path.dropFirst(9).dropLast(3)).flatMap { $0 >= 0 ? $0 : nil }
        }
    }

    /// Every page, skills first, as found before reading anything.
    var sources: [SearchSource]
    /// Each page's counts.
    var terms: [SearchTerms]
    /// The pages read (with their description and text) this build, by number.
    var read: [Int: SearchDocument]
    /// For each shard, the pages with terms in it and the index of that section in their counts.
    var shards: [String: [(doc: Int, section: Int)]]
    /// Each shard's and chunk's path and fingerprint, shards first.
    var pageKeys: [PageKey]
    /// Where each text chunk's entries are kept by page fingerprint, so writing a chunk reads
    /// only its changed pages (rebuild5); nil reads them all.
    var fragments: FragmentCache?
    /// Part of every kept entry's fingerprint (the site's salt).
    var salt = ""

    /// The model of `context`'s site, from the counts in `cache` where their pages did not
    /// change; keeps this build's head and counts in `cache` for the next build.
    static func make(_ context: SiteContext, indexKey: String, cache: SearchTermCache?) -> SearchIndexModel {
        let sources = SearchSource.all(context.input)
        let docKeys = sources.map(\.key)
        var found: [SearchTerms?] = ParallelMap.map(docKeys) { cache?.terms($0) }
        let missing = found.indices.filter { found[$0] == nil }
        let counted = ParallelMap.map(missing) { i -> (SearchTerms, SearchDocument) in
            let doc = sources[i].full()
            return (SearchTerms.count(doc), doc)
        }
        var read: [Int: SearchDocument] = [:]
        for (i, (terms, doc)) in zip(missing, counted) {
            found[i] = terms
            read[i] = doc
        }
        let terms = found.map { $0 ?? SearchTerms(length: 0, counts: [:]) }
        let shards = shardMembers(terms)
        let shardList = shards.keys.sorted()
        var pageKeys = ParallelMap.map(shardList) { [shards] shard in
            PageKey(path: SearchIndex.shardPath(shard), key: shardKey(shard, members: shards[shard] ?? [], terms: terms))
        }
        for chunk in 0..<SearchIndex.chunkCount(sources.count) {
            var hasher = SHA256Hasher()
            hasher.update("search-chunk-\(SearchIndexPlan.version)\u{0}\(chunk)\u{0}")
            for doc in SearchIndex.chunkRange(chunk, of: sources.count) { hasher.update(docKeys[doc]) }
            pageKeys.append(PageKey(path: SearchIndex.chunkPath(chunk), key: Digest.hex(hasher.finalize())))
        }
        cache?.keep(
            head: SearchTermCache.Head(indexKey: indexKey, pages: pageKeys),
            pages: Array(zip(docKeys, terms)).map { (key: $0.0, terms: $0.1) }, fresh: missing.count)
        var model = SearchIndexModel(sources: sources, terms: terms, read: read, shards: shards, pageKeys: pageKeys)
        model.fragments = context.fragments
        model.salt = context.salt
        return model
    }

    /// The fingerprint of shard `shard`: each member page's number and its section's bytes,
    /// gathered (no string per page) into a buffer the hasher takes 32 KiB at a time, so it
    /// stays in the cache instead of growing to the size of the whole shard.
    static func shardKey(_ shard: String, members: [(doc: Int, section: Int)], terms: [SearchTerms]) -> String {
        var hasher = SHA256Hasher()
        var bytes = Array("search-shard-\(SearchIndexPlan.version)\u{0}\(shard)\u{0}".utf8)
        bytes.reserveCapacity(Self.shardKeyBatch * 2)
        terms.withUnsafeBufferPointer { terms in  // borrowed: no retain per member
            for (doc, n) in members {
                terms[doc].appendSection(n, numbered: doc, to: &bytes)
                if bytes.count >= Self.shardKeyBatch {
                    bytes.withUnsafeBytes { hasher.update($0) }
                    bytes.removeAll(keepingCapacity: true)
                }
            }
        }
        bytes.withUnsafeBytes { hasher.update($0) }
        return Digest.hex(hasher.finalize())
    }

    /// How many gathered bytes `shardKey` hands the hasher at once.
    static let shardKeyBatch = 32 * 1024

    /// Which pages have terms in each shard, and the index of that section in their counts.
    static func shardMembers(_ terms: [SearchTerms]) -> [String: [(doc: Int, section: Int)]] {
        // Shards are one ASCII character: grouped by that byte, the dictionary is made once.
        var byByte = [[(doc: Int, section: Int)]](repeating: [], count: 128)
        for (doc, counts) in terms.enumerated() {
            counts.sections.withUnsafeBufferPointer { sections in
                for n in sections.indices { byByte[Int(sections[n].byte & 0x7F)].append((doc, n)) }
            }
        }
        var shards: [String: [(doc: Int, section: Int)]] = [:]
        for (byte, members) in byByte.enumerated() where !members.isEmpty { shards[String(UnicodeScalar(UInt8(byte)))] = members }
        return shards
    }

    /// `search-index.js`.
    func mainFile() -> Data {
        // Kind, repository and gate are all it shows of a page.
        SearchIndex.mainScript(documents: sources.map(\.page), lengths: terms.map(\.length), shards: shards.keys.sorted())
    }

    /// The file at `path` (a shard or a chunk; an index file this model does not have comes out
    /// empty of terms or pages).
    func file(_ path: String) -> Data {
        if let shard = PageKey.shard(of: path) { return shardFile(shard) }
        return chunkFile(PageKey.chunk(of: path) ?? Int.max)
    }

    /// `search/t-<shard>.js`: the postings of every page with terms in `shard`, in page order.
    func shardFile(_ shard: String) -> Data {
        var postings: [String: [(doc: Int, weight: Int)]] = [:]
        for (doc, n) in shards[shard] ?? [] {
            terms[doc].forEachTerm(in: terms[doc].sections[n].range) { term, weight in
                postings[term, default: []].append((doc, weight))
            }
        }
        return SearchIndex.shardFile(shard, terms: Array(postings.keys), postings: postings)
    }

    /// `search/d-<chunk>.js`, reading the pages not read this build.
    func chunkFile(_ chunk: Int) -> Data {
        let range = chunk < SearchIndex.chunkCount(sources.count) ? SearchIndex.chunkRange(chunk, of: sources.count) : 0..<0
        let docs = Array(range)
        guard let fragments else { return SearchIndex.chunkFile(chunk, documents: docs.map { read[$0] ?? sources[$0].full() }) }
        let keys = docs.map { "\(sources[$0].key)-\(salt)" }
        let entries = fragments.texts("search-d-\(chunk)", keys: keys) { n in
            SearchIndex.chunkEntry(read[docs[n]] ?? sources[docs[n]].full())
        }
        return SearchIndex.chunkFile(chunk, entries: entries)
    }
}
