import Foundation

/// The keyword pass over one text. Each byte's table lookup needs the state the previous byte
/// left, so one stream keeps the core waiting on memory; the text is split at a line break near
/// its middle and both halves are read in the same loop, as two independent streams. Keywords
/// never span lines, so the halves find exactly what one stream over the whole text finds.
extension KeywordMatcher {
    /// One pass over `bytes`: the lines each keyword occurs on, where every line starts, and
    /// whether any byte is a UTF-8 lead byte of U+1000 or above (0xE1+, which every hidden
    /// character has).
    func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> KeywordPass {
        let count = bytes.count
        var split = count
        if count >= 512, let base = bytes.baseAddress, let found = memchr(base + count / 2, 0x0A, count - count / 2) {
            split = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) + 1
        }
        var first = KeywordStream(keywords: keywords.count, starts: [0])
        var second = KeywordStream(keywords: keywords.count, starts: [])
        classOf.withUnsafeBufferPointer { classOf in
            next.withUnsafeBufferPointer { next in
                outputStart.withUnsafeBufferPointer { outputStart in
                    outputs.withUnsafeBufferPointer { outputs in
                        let tables = KeywordTables(
                            classOf: classOf, next: next, outputStart: outputStart, outputs: outputs, width: classCount)
                        let shared = min(split, count - split)
                        for offset in 0..<shared {
                            tables.step(&first, bytes, offset)
                            tables.step(&second, bytes, split &+ offset)
                        }
                        for index in shared..<split { tables.step(&first, bytes, index) }
                        for index in (split &+ shared)..<count { tables.step(&second, bytes, index) }
                    }
                }
            }
        }
        // The second half's lines come after the first half's line breaks.
        let base = Int32(first.starts.count - 1)
        var lines = first.lines
        for id in lines.indices where !second.lines[id].isEmpty {
            lines[id] += second.lines[id].map { $0 &+ base }
        }
        return KeywordPass(
            keywords: KeywordLines(lines: lines), lineStarts: first.starts + second.starts,
            hasHighLead: first.high | second.high != 0)
    }
}

/// Where one stream of the keyword pass is: its automaton row, its 1-based line (counted from
/// the stream's start), the line starts and keyword lines it found.
struct KeywordStream {
    var row = 0
    var line: Int32 = 1
    var high: UInt8 = 0
    var starts: [Int]
    var lines: [[Int32]]

    init(keywords: Int, starts: [Int]) {
        self.starts = starts
        lines = Array(repeating: [], count: keywords)
    }
}

/// A `KeywordMatcher`'s tables, borrowed for one pass.
struct KeywordTables {
    let classOf: UnsafeBufferPointer<UInt8>
    let next: UnsafeBufferPointer<Int32>
    let outputStart: UnsafeBufferPointer<Int32>
    let outputs: UnsafeBufferPointer<Int32>
    let width: Int

    /// Reads the byte at `index` into `stream`.
    @inline(__always)
    func step(_ stream: inout KeywordStream, _ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) {
        let byte = bytes[index]
        stream.high |= byte >= 0xE1 ? 1 : 0
        if byte == 0x0A {
            stream.line &+= 1
            stream.starts.append(index &+ 1)
        }
        let entry = next[stream.row &+ Int(classOf[Int(byte)])]
        if entry >= 0 {
            stream.row = Int(entry)
            return
        }
        stream.row = Int(~entry)
        let state = stream.row / width
        for slot in Int(outputStart[state])..<Int(outputStart[state &+ 1]) {
            let id = Int(outputs[slot])
            if stream.lines[id].last != stream.line { stream.lines[id].append(stream.line) }
        }
    }
}
