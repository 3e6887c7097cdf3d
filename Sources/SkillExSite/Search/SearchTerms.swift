import SkillEx

/// One page's weighted term counts, in the form the incremental index keeps and merges them:
/// grouped by shard (`SearchIndex.shard(of:)`), shards and terms in sorted order, each shard a
/// `shard=term weight term weight…` section and the sections joined by tabs. The same counts
/// always give the same bytes, so a shard's bytes can be compared and hashed without parsing.
struct SearchTerms: Sendable {
    /// The page's length in words (all fields).
    var length: Int
    /// The sections, tab-separated.
    var encoded: [UInt8]
    /// Each section's shard and the byte range of its `term weight…` list in `encoded`.
    var sections: [Section]

    /// One shard's part of the counts.
    struct Section: Sendable {
        /// The shard's name, one ASCII character (`SearchIndex.shard(of:)`), as its byte.
        var byte: UInt8
        /// Where its `term weight…` list is in `encoded`.
        var range: Range<Int>

        /// The shard's name.
        var shard: String { String(UnicodeScalar(byte)) }
    }

    /// Tokenizes `doc`: every field's stems, a title word counting `titleWeight` body words
    /// and so on (`SearchIndex`'s weights).
    static func count(_ doc: SearchDocument) -> SearchTerms {
        var tally = TermTally()
        var length = 0
        var stem: [UInt8] = []  // one buffer, stemmed in place for every word
        func add(_ text: String, _ weight: Int) {
            SearchTokenizer.forEachWord(text) { word in
                stem.removeAll(keepingCapacity: true)
                stem += word
                SearchTokenizer.stem(&stem)
                tally.add(stem, weight: weight)
                length += 1
            }
        }
        add(doc.title, SearchIndex.titleWeight)
        add(doc.description, SearchIndex.descriptionWeight)
        add(doc.repo + " " + doc.gate, SearchIndex.metaWeight)
        add(doc.body, 1)
        return SearchTerms(length: length, counts: tally.counts())
    }

    /// The encoded form of `counts` (a term → weighted count map, as the index builds it).
    init(length: Int, counts: [String: Int]) {
        var byShard: [String: [String]] = [:]
        for term in counts.keys { byShard[SearchIndex.shard(of: term), default: []].append(term) }
        var encoded: [UInt8] = []
        var sections: [Section] = []
        for shard in byShard.keys.sorted() {
            if !encoded.isEmpty { encoded.append(UInt8(ascii: "\t")) }
            encoded += shard.utf8
            encoded.append(UInt8(ascii: "="))
            let start = encoded.count
            for (i, term) in (byShard[shard] ?? []).sorted().enumerated() {
                if i > 0 { encoded.append(UInt8(ascii: " ")) }
                encoded += term.utf8
                encoded.append(UInt8(ascii: " "))
                encoded += String(counts[term] ?? 0).utf8
            }
            sections.append(Section(byte: shard.utf8.first ?? UInt8(ascii: "_"), range: start..<encoded.count))
        }
        self.init(length: length, encoded: encoded, sections: sections)
    }

    private init(length: Int, encoded: [UInt8], sections: [Section]) {
        self.length = length
        self.encoded = encoded
        self.sections = sections
    }

    /// Reads the encoded form back; nil unless every section is a one-character ASCII `shard=`
    /// followed by `term weight` pairs with non-empty terms and decimal weights (a damaged cache
    /// line is then counted afresh instead of trusted).
    init?(length: Int, encoded: [UInt8]) {
        var sections: [Section] = []
        var start = 0
        while start < encoded.count {
            var end = start
            while end < encoded.count && encoded[end] != UInt8(ascii: "\t") { end += 1 }
            let equals = start + 1
            guard equals < end, encoded[start] < 0x80, encoded[start] != UInt8(ascii: "="), encoded[equals] == UInt8(ascii: "="),
                Self.wellFormed(encoded[(equals + 1)..<end])
            else { return nil }
            sections.append(Section(byte: encoded[start], range: (equals + 1)..<end))
            start = end + 1
        }
        guard encoded.last != UInt8(ascii: "\t") else { return nil }
        self.init(length: length, encoded: encoded, sections: sections)
    }

    /// True for `term weight term weight…`: at least one pair, single spaces, a term of any bytes
    /// but `=` and newline, a weight of one to nine digits. Read pair by pair from the bytes
    /// (every cached page is checked on every build).
    private static func wellFormed(_ list: ArraySlice<UInt8>) -> Bool {
        list.withUnsafeBufferPointer { bytes in
            let space = UInt8(ascii: " ")
            var i = 0
            while true {
                let term = i
                while i < bytes.count, bytes[i] != space {
                    guard bytes[i] != UInt8(ascii: "="), bytes[i] != 0x0A else { return false }
                    i += 1
                }
                guard i > term, i < bytes.count else { return false }
                i += 1
                let weight = i
                while i < bytes.count, bytes[i] != space {
                    guard bytes[i] &- UInt8(ascii: "0") < 10 else { return false }
                    i += 1
                }
                guard i > weight, i - weight <= 9 else { return false }
                if i == bytes.count { return true }
                i += 1
            }
        }
    }

    /// Appends `<doc>:<byte count>:<section bytes>` for section `n` (what a shard's fingerprint
    /// is made of), the numbers written digit by digit.
    func appendSection(_ n: Int, numbered doc: Int, to bytes: inout [UInt8]) {
        let range = sections[n].range
        DecimalBytes.append(Int64(doc), to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        DecimalBytes.append(Int64(range.count), to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        encoded.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Calls `body` with each term and weight of the section at `range`, in order.
    func forEachTerm(in range: Range<Int>, _ body: (String, Int) -> Void) {
        var i = range.lowerBound
        while i < range.upperBound {
            var space = i
            while encoded[space] != UInt8(ascii: " ") { space += 1 }
            let term = String(decoding: encoded[i..<space], as: UTF8.self)
            var weight = 0
            var j = space + 1
            while j < range.upperBound && encoded[j] != UInt8(ascii: " ") {
                weight = weight * 10 + Int(encoded[j] &- UInt8(ascii: "0"))
                j += 1
            }
            body(term, weight)
            i = j + 1
        }
    }
}
