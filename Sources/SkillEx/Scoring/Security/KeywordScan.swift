import Foundation

/// The keyword pass over one text, kept to what the automaton needs so its state stays in
/// registers: line starts come from `memchr` and the hidden-character lead-byte test from
/// `HiddenText`, both apart from it, and a match records its byte offset (turned into a line
/// afterwards). Each byte's table lookup needs the state the previous byte left, so the text is
/// split at a line break near its middle and both halves are read in the same loop as two
/// independent streams; keywords never span lines, so the halves find exactly what one stream
/// finds.
extension KeywordMatcher {
    /// One pass over `bytes`: the lines each keyword occurs on, where every line starts, and
    /// whether any byte is a UTF-8 lead byte of U+1000 or above (0xE1+, which every hidden
    /// character has).
    func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> KeywordPass {
        let starts = Self.lineStarts(bytes)
        let count = bytes.count
        var split = count
        if count >= 512, let base = bytes.baseAddress, let found = memchr(base + count / 2, 0x0A, count - count / 2) {
            split = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) + 1
        }
        // Each hit is packed as `id << 32 | offset`: sorting the packed hits orders them by
        // keyword, then by place, and the two halves need no merging.
        var hits: [UInt64] = []
        let accepting = Int(acceptingRows)
        classOf.withUnsafeBufferPointer { classOf in
            next.withUnsafeBufferPointer { next in
                var rowA = 0, rowB = 0
                let shared = min(split, count - split)
                for offset in 0..<shared {
                    rowA = Int(next[rowA &+ Int(classOf[Int(bytes[offset])])])
                    rowB = Int(next[rowB &+ Int(classOf[Int(bytes[split &+ offset])])])
                    if rowA >= accepting { record(rowA, at: offset, into: &hits) }
                    if rowB >= accepting { record(rowB, at: split &+ offset, into: &hits) }
                }
                for index in shared..<split {
                    rowA = Int(next[rowA &+ Int(classOf[Int(bytes[index])])])
                    if rowA >= accepting { record(rowA, at: index, into: &hits) }
                }
                for index in (split &+ shared)..<count {
                    rowB = Int(next[rowB &+ Int(classOf[Int(bytes[index])])])
                    if rowB >= accepting { record(rowB, at: index, into: &hits) }
                }
            }
        }
        hits.sort()
        return KeywordPass(
            keywords: KeywordLines(sorted: Self.lines(of: hits, starts: starts), count: keywords.count),
            lineStarts: starts, hasHighLead: HiddenText.hasLeadByte(bytes: bytes))
    }

    /// Records every keyword ending in the state of `row`, at `offset`.
    @inline(never)
    private func record(_ row: Int, at offset: Int, into hits: inout [UInt64]) {
        let state = row / classCount
        for slot in Int(outputStart[state])..<Int(outputStart[state + 1]) {
            hits.append(UInt64(UInt32(outputs[slot])) << 32 | UInt64(UInt32(truncatingIfNeeded: offset)))
        }
    }

    /// The `(id, line)` pairs of sorted packed hits, each once: lines are found by a binary
    /// search over `starts`, from the previous hit's line while the keyword stays the same.
    private static func lines(of hits: [UInt64], starts: [Int]) -> [(id: Int32, line: Int32)] {
        var out: [(id: Int32, line: Int32)] = []
        var id: Int32 = -1, line = 0  // line = how many starts are at or before the offset
        for hit in hits {
            let hitID = Int32(hit >> 32), offset = Int(hit & 0xFFFF_FFFF)
            if hitID != id {
                id = hitID
                line = 0
            }
            var high = starts.count
            while line < high {
                let mid = (line + high) / 2
                if starts[mid] <= offset { line = mid + 1 } else { high = mid }
            }
            if out.last.map({ $0.id != id || $0.line != Int32(line) }) ?? true { out.append((id, Int32(line))) }
        }
        return out
    }

    /// UTF-8 offset where each line starts.
    static func lineStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        guard let base = bytes.baseAddress else { return starts }
        var from = 0
        while from < bytes.count, let found = memchr(base + from, 0x0A, bytes.count - from) {
            from = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) + 1
            starts.append(from)
        }
        return starts
    }
}
