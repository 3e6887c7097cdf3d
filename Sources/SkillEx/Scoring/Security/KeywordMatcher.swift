/// Finds every occurrence of many ASCII keywords in one pass over a text (an Aho–Corasick
/// automaton, compiled to a table over byte classes, ASCII letters folded to lower case), and
/// records the 1-based lines each keyword occurs on. One pass replaces one substring search per
/// keyword: the security rules ask about some 250 keywords per file.
struct KeywordMatcher: Sendable {
    /// The keywords, lower-cased; a keyword's position here is its id.
    let keywords: [String]
    private let ids: [String: Int]
    /// Byte → class (bytes that occur in no keyword share class 0; `A`–`Z` share `a`–`z`'s).
    let classOf: [UInt8]
    let classCount: Int
    /// `next[state * classCount + class]`: the state after reading a byte of that class, stored
    /// as `state * classCount` (the next row's offset). States where keywords end are numbered
    /// last, so a row offset of `acceptingRows` or more says one ends: the scan's chain from one
    /// byte to the next is a load and an add, the test beside it.
    let next: [Int32]
    /// The first row offset of a state where keywords end.
    let acceptingRows: Int32
    /// The keyword ids that end in each state: `outputs[outputStart[s]..<outputStart[s + 1]]`.
    let outputStart: [Int32]
    let outputs: [Int32]

    /// Compiles `keywords` (ASCII, without line breaks; others are left out and never found).
    init(_ keywords: [String]) {
        var unique: [String] = [], ids: [String: Int] = [:]
        for keyword in keywords {
            let lower = TextScan.asciiLowercased(keyword)
            guard !lower.isEmpty, lower.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0A }), ids[lower] == nil else { continue }
            ids[lower] = unique.count
            unique.append(lower)
        }
        var classOf = [UInt8](repeating: 0, count: 256), classCount = 1
        for byte in Set(unique.flatMap(\.utf8)).sorted() {
            classOf[Int(byte)] = UInt8(classCount)
            if byte >= 97 && byte <= 122 { classOf[Int(byte) - 32] = UInt8(classCount) }
            classCount += 1
        }
        // The trie: `goto` edges per state (-1 when absent), and the keywords ending there.
        var edges: [[Int32]] = [Array(repeating: -1, count: classCount)]
        var ends: [[Int32]] = [[]]
        for (id, keyword) in unique.enumerated() {
            var state = 0
            for byte in keyword.utf8 {
                let cls = Int(classOf[Int(byte)])
                if edges[state][cls] < 0 {
                    edges[state][cls] = Int32(edges.count)
                    edges.append(Array(repeating: -1, count: classCount))
                    ends.append([])
                }
                state = Int(edges[state][cls])
            }
            ends[state].append(Int32(id))
        }
        // Breadth-first: failure links, inherited outputs, and the full transition table.
        var table = [Int32](repeating: 0, count: edges.count * classCount)
        var fail = [Int](repeating: 0, count: edges.count)
        var queue: [Int] = []
        for cls in 0..<classCount where edges[0][cls] > 0 {
            table[cls] = edges[0][cls]
            queue.append(Int(edges[0][cls]))
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            ends[state] += ends[fail[state]]
            for cls in 0..<classCount {
                let child = edges[state][cls]
                if child > 0 {
                    fail[Int(child)] = Int(table[fail[state] * classCount + cls])
                    table[state * classCount + cls] = child
                    queue.append(Int(child))
                } else {
                    table[state * classCount + cls] = table[fail[state] * classCount + cls]
                }
            }
        }
        // Renumber: states where no keyword ends first (the root stays 0), the others after.
        let order = ends.indices.filter { ends[$0].isEmpty } + ends.indices.filter { !ends[$0].isEmpty }
        var number = [Int](repeating: 0, count: order.count)
        for (new, old) in order.enumerated() { number[old] = new }
        var next = [Int32](repeating: 0, count: table.count)
        for (new, old) in order.enumerated() {
            for cls in 0..<classCount {
                next[new * classCount + cls] = Int32(number[Int(table[old * classCount + cls])] * classCount)
            }
        }
        var outputStart: [Int32] = [0], outputs: [Int32] = []
        for old in order {
            outputs += ends[old]
            outputStart.append(Int32(outputs.count))
        }
        self.keywords = unique
        self.ids = ids
        self.classOf = classOf
        self.classCount = classCount
        self.next = next
        self.acceptingRows = Int32(ends.filter(\.isEmpty).count * classCount)
        self.outputStart = outputStart
        self.outputs = outputs
    }

    /// The id of `keyword` (lower case), when it was compiled in.
    func id(_ keyword: String) -> Int? { ids[keyword] }
}

/// What `KeywordMatcher.scan` learns about one text.
struct KeywordPass: Sendable {
    /// Where each keyword occurs.
    let keywords: KeywordLines
    /// UTF-8 offset where each line starts.
    let lineStarts: [Int]
    /// True when a byte of 0xE1 or above occurs (`HiddenText.hasLeadByte`).
    let hasHighLead: Bool
}

/// Where each keyword of a `KeywordMatcher` occurs in one text: every keyword's ascending
/// 1-based lines, one keyword after another in one flat array (most keywords occur nowhere, so
/// no array is made per keyword). A class: the rules ask it many questions per file, and each
/// question then retains one object rather than its two arrays.
final class KeywordLines: Sendable {
    /// `all[bounds[id]..<bounds[id + 1]]` are the lines of keyword `id`.
    private let bounds: [Int32]
    private let all: [Int32]

    /// From `(id, line)` pairs sorted by id, then line, without repeats; `count` keywords.
    init(sorted pairs: [(id: Int32, line: Int32)], count: Int) {
        var bounds = [Int32](repeating: 0, count: count + 1)
        for pair in pairs { bounds[Int(pair.id) + 1] += 1 }
        for id in 0..<count { bounds[id + 1] += bounds[id] }
        self.bounds = bounds
        all = pairs.map(\.line)
    }

    /// The ascending lines holding the keyword with `id`.
    func lines(_ id: Int) -> ArraySlice<Int32> { all[Int(bounds[id])..<Int(bounds[id + 1])] }

    /// True when the keyword with `id` occurs.
    func has(_ id: Int) -> Bool { bounds[id + 1] > bounds[id] }

    /// The ascending lines holding any of the keywords with `ids`.
    func union(_ ids: [Int]) -> [Int] {
        let found = ids.filter { has($0) }
        if found.count == 1 { return lines(found[0]).map(Int.init) }
        var merged = found.flatMap { lines($0) }
        merged.sort()
        var out: [Int] = []
        out.reserveCapacity(merged.count)
        for line in merged where out.last != Int(line) { out.append(Int(line)) }
        return out
    }
}
