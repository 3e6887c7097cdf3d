import Foundation
import SkillEx

/// The search index built at site build time: an inverted index of stemmed words, sharded by a
/// word's first character (`search/t-<c>.js`), and the pages' titles and text in chunks
/// (`search/d-<n>.js`) loaded only for results shown. `search-index.js` holds what every query
/// needs: each page's kind, repository, gate and length. Every file is a script calling
/// `skillexSearch(…)` (or setting a global), so the index loads from `file://`, where `fetch`
/// cannot. `assets/search.js` reads it.
struct SearchIndex: Sendable {
    /// Pages per text chunk.
    static let chunkSize = 8
    /// Characters of a page's text kept for snippets.
    static let snippetText = 4_000
    /// How much a word counts in each field: a title word weighs ten body words.
    static let titleWeight = 10, descriptionWeight = 4, metaWeight = 2

    var documents: [SearchDocument]
    /// Stem → (page, weighted count) pairs, pages ascending.
    var postings: [String: [(doc: Int, weight: Int)]]
    /// Each page's length in words (all fields).
    var lengths: [Int]

    /// Indexes `documents` (all at once; the site builds it by `SearchIndexPlan`, which gives
    /// the same files and keeps each page's counts between builds).
    static func build(_ documents: [SearchDocument]) -> SearchIndex {
        let counted = ParallelMap.map(documents, SearchTerms.count)
        var postings: [String: [(doc: Int, weight: Int)]] = [:]
        for (doc, terms) in counted.enumerated() {
            for section in terms.sections {
                terms.forEachTerm(in: section.range) { term, weight in postings[term, default: []].append((doc, weight)) }
            }
        }
        return SearchIndex(documents: documents, postings: postings, lengths: counted.map(\.length))
    }

    /// The shard a stem lives in: its first character when a-z or 0-9, else `_`.
    static func shard(of term: String) -> String {
        guard let first = term.unicodeScalars.first, first.isASCII,
            first.properties.isLowercase || ("0"..."9").contains(first)
        else { return "_" }
        return String(first)
    }

    /// `search-index.js` and the files beside it (`search/…`).
    func files() -> (main: Data, extras: [(path: String, bytes: Data)]) {
        var shards: [String: [String]] = [:]
        for term in postings.keys { shards[Self.shard(of: term), default: []].append(term) }
        var extras: [(path: String, bytes: Data)] = []
        for (shard, terms) in shards.sorted(by: { $0.key < $1.key }) {
            extras.append((Self.shardPath(shard), Self.shardFile(shard, terms: terms, postings: postings)))
        }
        for chunk in 0..<Self.chunkCount(documents.count) {
            extras.append((Self.chunkPath(chunk), Self.chunkFile(chunk, documents: Array(documents[Self.chunkRange(chunk, of: documents.count)]))))
        }
        return (Self.mainScript(documents: documents, lengths: lengths, shards: shards.keys.sorted()), extras)
    }

    /// The path of the postings of `shard`.
    static func shardPath(_ shard: String) -> String { "search/t-\(shard).js" }
    /// The path of text chunk `chunk`.
    static func chunkPath(_ chunk: Int) -> String { "search/d-\(chunk).js" }
    /// Text chunks for `count` pages.
    static func chunkCount(_ count: Int) -> Int { (count + chunkSize - 1) / chunkSize }
    /// The pages of chunk `chunk`.
    static func chunkRange(_ chunk: Int, of count: Int) -> Range<Int> {
        (chunk * chunkSize)..<min((chunk + 1) * chunkSize, count)
    }

    /// `search/t-<shard>.js`: `terms` (those of the shard, in any order) with their postings,
    /// page numbers written as gaps from the previous one.
    static func shardFile(_ shard: String, terms: [String], postings: [String: [(doc: Int, weight: Int)]]) -> Data {
        var out = Array("skillexSearch(\"t\",\"\(shard)\",{".utf8)
        for (i, term) in terms.sorted().enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            SearchScript.appendString(term, to: &out)
            out.append(UInt8(ascii: ":"))
            var flat: [Int] = []
            var previous = 0
            for posting in postings[term] ?? [] {
                flat += [posting.doc - previous, posting.weight]
                previous = posting.doc
            }
            SearchScript.appendInts(flat, to: &out)
        }
        out += Array("});\n".utf8)
        return Data(out)
    }

    /// `search/d-<chunk>.js`: the title, path, description and snippet text of `documents`.
    static func chunkFile(_ chunk: Int, documents: [SearchDocument]) -> Data {
        chunkFile(chunk, entries: documents.map(chunkEntry))
    }

    /// `search/d-<chunk>.js` made of its pages' entries (`chunkEntry`).
    static func chunkFile(_ chunk: Int, entries: [String]) -> Data {
        var out = Array("skillexSearch(\"d\",\(chunk),[".utf8)
        for (n, entry) in entries.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: entry.utf8)
        }
        out += Array("]);\n".utf8)
        return Data(out)
    }

    /// One page's entry in a text chunk: `[title,path,description,snippet text]`.
    static func chunkEntry(_ doc: SearchDocument) -> String {
        var out = [UInt8(ascii: "[")]
        for (i, field) in [doc.title, doc.url, doc.description, String(doc.body.prefix(Self.snippetText))].enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            SearchScript.appendString(field, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    /// `search-index.js`: a global with every page's kind, repository, gate and length.
    static func mainScript(documents: [SearchDocument], lengths: [Int], shards: [String]) -> Data {
        func table(_ values: [String]) -> ([String], [String: Int]) {
            let names = Array(Set(values)).sorted()
            return (names, Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) }))
        }
        let (kinds, kindIndex) = table(documents.map(\.kind))
        let (repos, repoIndex) = table(documents.map(\.repo))
        let (gates, gateIndex) = table(documents.map(\.gate))
        var rows: [Int] = []
        for (i, doc) in documents.enumerated() {
            rows += [kindIndex[doc.kind] ?? 0, repoIndex[doc.repo] ?? 0, gateIndex[doc.gate] ?? 0, lengths[i]]
        }
        var out = Array("window.SKILLEX_SEARCH_INDEX={\"version\":2,\"chunk\":\(Self.chunkSize),\"shards\":".utf8)
        SearchScript.appendString(shards.joined(), to: &out)
        for (name, list) in [("kinds", kinds), ("repos", repos), ("gates", gates)] {
            out += Array(",\"\(name)\":[".utf8)
            for (i, value) in list.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                SearchScript.appendString(value, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out += Array(",\"docs\":".utf8)
        SearchScript.appendInts(rows, to: &out)
        out += Array("};\n".utf8)
        return Data(out)
    }
}
