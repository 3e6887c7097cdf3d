import Foundation

/// Writes a JSON object one of whose members is a long array, the array's items rendered in
/// chunks on every core straight into buffers at their final indent: the same bytes as
/// `JSONWriter.data(tree:)`, without rendering each item alone and re-indenting it.
enum JSONChunkedObject {
    /// `fields` plus `key: [item 0, …, item count-1]`, with `item(index, &out)` appending item
    /// `index` at indent 4 (no leading pad, no trailing comma). nil when an item returns false.
    static func data(
        fields: [String: JSONValue], key: String, count: Int, item: @Sendable (Int, inout [UInt8]) -> Bool
    ) -> Data? {
        let chunk = max(1, (count + 31) / 32)
        let ranges = stride(from: 0, to: count, by: chunk).map { $0..<min($0 + chunk, count) }
        let parts = ParallelMap.map(ranges) { range -> [UInt8]? in
            var out: [UInt8] = []
            out.reserveCapacity(range.count * 2048)
            for index in range {
                JSONWriter.pad(4, &out)
                guard item(index, &out) else { return nil }
                out += (index == count - 1 ? "\n" : ",\n").utf8
            }
            return out
        }
        guard !parts.contains(where: { $0 == nil }) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(4096) { $0 + ($1?.count ?? 0) })
        out += "{\n".utf8
        var keys = Array(fields.keys.filter { $0 != key })
        keys.append(key)
        keys.sort(by: UTF8Order.precedes)
        for (index, name) in keys.enumerated() {
            JSONWriter.pad(2, &out)
            JSONWriter.quote(name, into: &out)
            out += ": ".utf8
            if name == key {
                if count == 0 {
                    out += "[]".utf8
                } else {
                    out += "[\n".utf8
                    for part in parts { out += part ?? [] }
                    out += "  ]".utf8
                }
            } else {
                JSONWriter.write(fields[name] ?? .null, indent: 2, into: &out)
            }
            out += (index == keys.count - 1 ? "\n" : ",\n").utf8
        }
        out += "}\n".utf8
        return Data(out)
    }
}
