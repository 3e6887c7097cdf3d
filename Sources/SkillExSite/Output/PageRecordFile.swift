import Foundation

/// The site's hash record on disk: one line per page, `hash<TAB>key<TAB>path`, sorted by path
/// (`-` for a page without a key). Plain lines instead of JSON, because a 30,000-page site reads
/// it on every build and a JSON decode of it cost more than the rebuild itself. A rebuild appends
/// the lines that changed; a later line for a path replaces an earlier one.
enum PageRecordFile {
    /// The records in `data` and how many lines held one; malformed lines and a last line
    /// without its newline are skipped (their pages are written again).
    static func decode(_ data: Data) -> (records: [String: PageRecord], lines: Int) {
        var records: [String: PageRecord] = [:]
        var count = 0
        let text = String(decoding: data, as: UTF8.self)
        records.reserveCapacity(text.utf8.count / 120)
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        lines.removeLast()  // after the last newline: empty, or a line cut short
        for line in lines where !line.isEmpty {
            let fields = line.split(separator: UInt8(ascii: "\t"), maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, !fields[0].isEmpty, !fields[2].isEmpty,
                let hash = String(fields[0]), let key = String(fields[1]), let path = String(fields[2])
            else { continue }
            records[path] = PageRecord(hash: hash, key: key == "-" ? nil : key)
            count += 1
        }
        return (records, count)
    }

    /// The bytes of `records`, sorted by path so the same site gives the same file. Paths that
    /// cannot be written on one line are left out (those pages are simply written next time).
    static func encode(_ records: [String: PageRecord]) -> Data {
        var out = ""
        out.reserveCapacity(records.count * 160)
        for path in records.keys.sorted() {
            guard let record = records[path], !path.contains("\n"), !path.contains("\t") else { continue }
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
