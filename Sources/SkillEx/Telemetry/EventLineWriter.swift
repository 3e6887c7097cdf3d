/// Writes an event as one compact JSON line with sorted keys, without going through
/// `JSONEncoder` (several times faster; every emitted event passes through here).
enum EventLineWriter {
    /// The JSON line for `event` (no trailing newline).
    static func line(_ event: Event) -> String {
        var out = "{"
        out.reserveCapacity(320)
        if let error = event.error {
            out += "\"error\":{\"message\":"
            quote(error.message, into: &out)
            out += ",\"reason\":"
            quote(error.reason, into: &out)
            out += "},"
        }
        out += "\"id\":"
        quote(event.id, into: &out)
        out += ",\"measurements\":{"
        for (index, key) in sortedKeys(event.measurements).enumerated() {
            if index > 0 { out += "," }
            quote(key, into: &out)
            out += ":" + number(event.measurements[key] ?? 0)
        }
        out += "},\"metadata\":{"
        for (index, key) in sortedKeys(event.metadata).enumerated() {
            if index > 0 { out += "," }
            quote(key, into: &out)
            out += ":"
            quote(event.metadata[key] ?? "", into: &out)
        }
        out += "}"
        if let repo = event.repo { out += ",\"repo\":"; quote(repo, into: &out) }
        out += ",\"run_id\":"
        quote(event.runID, into: &out)
        out += ",\"schema_version\":\(event.schemaVersion),\"scope\":\"\(event.scope.rawValue)\""
        if let skill = event.skill { out += ",\"skill\":"; quote(skill, into: &out) }
        out += ",\"time\":"
        quote(event.time, into: &out)
        out += ",\"type\":"
        quote(event.type.rawValue, into: &out)
        out += "}"
        return out
    }

    private static func sortedKeys<V>(_ fields: [String: V]) -> [String] {
        fields.count < 2 ? Array(fields.keys) : fields.keys.sorted(by: UTF8Order.precedes)
    }

    /// Integral values as integers, others in Swift's shortest round-tripping form;
    /// non-finite values (dropped by the bus) as 0.
    private static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        var plain = true
        for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C { plain = false; break }
        if plain { out += text; out += "\""; return }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
