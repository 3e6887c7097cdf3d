import Foundation

/// The site's hash record on disk: one line per page, `hash<TAB>key<TAB>path`, sorted by path
/// (`-` for a page without a key). Plain lines instead of JSON, because a 30,000-page site reads
/// it on every build and a JSON decode of it cost more than the rebuild itself. A rebuild appends
/// the lines that changed; a later line for a path replaces an earlier one, and a line whose hash
/// is `-` says the page was removed.
enum PageRecordFile {
    /// The records in `data` and how many lines held one; malformed lines and a last line
    /// without its newline are skipped (their pages are written again).
    static func decode(_ data: Data) -> (records: [String: PageRecord], lines: Int) {
        var records: [String: PageRecord] = [:]
        var count = 0
        records.reserveCapacity(data.count / 120)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            let bytes = UnsafeBufferPointer(start: base, count: raw.count)
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            var start = 0
            // Only lines ending in a newline count: after the last one is nothing, or a line cut short.
            while start < bytes.count, let end = Self.index(of: UInt8(ascii: "\n"), in: bytes, from: start) {
                defer { start = end + 1 }
                guard let tab1 = Self.index(of: UInt8(ascii: "\t"), in: bytes, from: start, before: end),
                    let tab2 = Self.index(of: UInt8(ascii: "\t"), in: bytes, from: tab1 + 1, before: end),
                    tab1 > start, end > tab2 + 1
                else { continue }
                count += 1
                if tab1 == start + 1 && bytes[start] == UInt8(ascii: "-") {
                    records[text(tab2 + 1..<end)] = nil
                    continue
                }
                let key = tab2 == tab1 + 2 && bytes[tab1 + 1] == UInt8(ascii: "-") ? nil : text(tab1 + 1..<tab2)
                records[text(tab2 + 1..<end)] = PageRecord(hash: text(start..<tab1), key: key)
            }
        }
        return (records, count)
    }

    /// The first `byte` at or after `start` (and before `end`, if given).
    private static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int? = nil) -> Int? {
        let limit = end ?? bytes.count
        guard start < limit, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), limit - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The lines that record `paths` as removed (paths that cannot be written on one line are
    /// left out, as in `encode`).
    static func removals(_ paths: [String]) -> Data {
        var out = ""
        for path in paths.sorted() where !path.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 }) {
            out += "-\t-\t" + path + "\n"
        }
        return Data(out.utf8)
    }

    /// The bytes of `records`, sorted by path so the same site gives the same file. Paths that
    /// cannot be written on one line are left out (those pages are simply written next time).
    /// With `groupHeadsLast`, the members of skill groups come first and everything else,
    /// each skill's own page among it, after them (see `PublishedRecords.hasGroup`).
    static func encode(_ records: [String: PageRecord], groupHeadsLast: Bool = false) -> Data {
        var out = ""
        out.reserveCapacity(records.count * 160)
        var paths = records.keys.sorted()
        if groupHeadsLast {
            paths = paths.filter { SkillInput.isGroupMember(sitePath: $0) }
                + paths.filter { !SkillInput.isGroupMember(sitePath: $0) }
        }
        for path in paths {
            // Byte tests (not Foundation's `contains`, a search per path): a newline or tab byte
            // anywhere, a CR LF pair included, would break the line.
            guard let record = records[path], !path.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 }) else { continue }
            out += record.hash
            out += "\t"
            out += record.key ?? "-"
            out += "\t"
            out += path
            out += "\n"
        }
        return Data(out.utf8)
    }
}
