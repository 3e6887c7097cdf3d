/// A skill entry as bytes for fingerprints, without a JSON encoder.
extension SkillEntry {
    /// Bytes that differ whenever any field of the entry differs: each field prefixed by its length (an
    /// absent optional marked apart from an empty one), then the unmodelled fields as a tagged,
    /// length-prefixed walk of their tree (`JSONValue.appendIdentity`; writing them as JSON text
    /// formatted every number of every score history on every site build).
    public var identityBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(192 + name.utf8.count + (description?.utf8.count ?? 0))
        func append(_ field: String?) {
            guard let field else {
                out += [0xFF, 0xFF, 0xFF, 0xFF]  // a length no field has
                return
            }
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: field.utf8.count).littleEndian) { out += $0 }
            out += field.utf8
        }
        append(name)
        append(sourceRepo)
        append(targetPath)
        append(checksum)
        append(packagedAt)
        append(sourceCommit)
        append(sourceBranch)
        append(description)
        if !extra.values.isEmpty { JSONValue.object(extra.values).appendIdentity(to: &out) }
        return out
    }
}

extension JSONValue {
    /// Appends bytes that differ whenever the tree differs: a tag per node, lengths before
    /// strings and counts before arrays and objects, numbers by value, object keys sorted. A
    /// whole number is the same as an integer or a double (`80` read from the file, `80.0` made in
    /// memory by the score stage), as it was in the JSON text these bytes replace.
    func appendIdentity(to out: inout [UInt8]) {
        func count(_ value: Int) {
            withUnsafeBytes(of: UInt64(truncatingIfNeeded: value).littleEndian) { out += $0 }
        }
        func text(_ value: String) {
            count(value.utf8.count)
            out += value.utf8
        }
        switch self {
        case .null: out.append(UInt8(ascii: "n"))
        case .bool(let flag): out.append(flag ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case .int(let number):
            out.append(UInt8(ascii: "i"))
            withUnsafeBytes(of: number.littleEndian) { out += $0 }
        case .double(let number):
            if let whole = Int64(exactly: number), !(number == 0 && number.sign == .minus) {
                out.append(UInt8(ascii: "i"))
                withUnsafeBytes(of: whole.littleEndian) { out += $0 }
            } else {
                out.append(UInt8(ascii: "d"))
                withUnsafeBytes(of: number.bitPattern.littleEndian) { out += $0 }
            }
        case .string(let value):
            out.append(UInt8(ascii: "s"))
            text(value)
        case .array(let items):
            out.append(UInt8(ascii: "a"))
            count(items.count)
            for item in items { item.appendIdentity(to: &out) }
        case .object(let fields):
            out.append(UInt8(ascii: "o"))
            count(fields.count)
            for key in fields.keys.sorted() {
                text(key)
                fields[key]?.appendIdentity(to: &out)
            }
        }
    }
}
