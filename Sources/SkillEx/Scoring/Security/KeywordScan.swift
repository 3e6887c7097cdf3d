import Foundation

/// The keyword pass over one text, kept to what the automaton needs so its state stays in
/// registers: line starts come from `memchr` and the high-byte test from a word-at-a-time loop,
/// both before it, and a match records its byte offset (turned into a line afterwards). Each
/// byte's table lookup needs the state the previous byte left, so the text is split at a line
/// break near its middle and both halves are read in the same loop as two independent streams;
/// keywords never span lines, so the halves find exactly what one stream finds.
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
        var first = [[Int]](repeating: [], count: keywords.count)
        var second = first
        classOf.withUnsafeBufferPointer { classOf in
            next.withUnsafeBufferPointer { next in
                var rowA = 0, rowB = 0
                let shared = min(split, count - split)
                for offset in 0..<shared {
                    let entryA = next[rowA &+ Int(classOf[Int(bytes[offset])])]
                    let entryB = next[rowB &+ Int(classOf[Int(bytes[split &+ offset])])]
                    rowA = Int(entryA >= 0 ? entryA : ~entryA)
                    rowB = Int(entryB >= 0 ? entryB : ~entryB)
                    if entryA < 0 { record(rowA, at: offset, into: &first) }
                    if entryB < 0 { record(rowB, at: split &+ offset, into: &second) }
                }
                for index in shared..<split {
                    let entry = next[rowA &+ Int(classOf[Int(bytes[index])])]
                    rowA = Int(entry >= 0 ? entry : ~entry)
                    if entry < 0 { record(rowA, at: index, into: &first) }
                }
                for index in (split &+ shared)..<count {
                    let entry = next[rowB &+ Int(classOf[Int(bytes[index])])]
                    rowB = Int(entry >= 0 ? entry : ~entry)
                    if entry < 0 { record(rowB, at: index, into: &second) }
                }
            }
        }
        let lines = first.indices.map { id -> [Int32] in
            first[id].isEmpty && second[id].isEmpty ? [] : Self.lines(of: first[id] + second[id], starts: starts)
        }
        return KeywordPass(keywords: KeywordLines(lines: lines), lineStarts: starts, hasHighLead: Self.hasHighLead(bytes))
    }

    /// Records the offset of every keyword ending in the state of `row`.
    @inline(never)
    private func record(_ row: Int, at offset: Int, into found: inout [[Int]]) {
        let state = row / classCount
        for slot in Int(outputStart[state])..<Int(outputStart[state + 1]) {
            found[Int(outputs[slot])].append(offset)
        }
    }

    /// The ascending 1-based lines of ascending byte `offsets`.
    private static func lines(of offsets: [Int], starts: [Int]) -> [Int32] {
        var out: [Int32] = [], line = 0  // line = how many starts are at or before the offset
        for offset in offsets {
            var high = starts.count
            while line < high {
                let mid = (line + high) / 2
                if starts[mid] <= offset { line = mid + 1 } else { high = mid }
            }
            if out.last != Int32(line) { out.append(Int32(line)) }
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

    /// True when a byte of 0xE1 or above occurs (ASCII text is passed over eight bytes at a time).
    static func hasHighLead(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            index += 8
        }
        for at in index..<bytes.count where bytes[at] >= 0xE1 { return true }
        return false
    }
}
