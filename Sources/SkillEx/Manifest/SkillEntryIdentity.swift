/// A skill entry as bytes for fingerprints, without a JSON encoder.
extension SkillEntry {
    /// Bytes that differ whenever any field of the entry differs: each field prefixed by its length (an
    /// absent optional marked apart from an empty one), then the unmodelled fields as sorted JSON.
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
        if !extra.values.isEmpty { JSONWriter.write(.object(extra.values), indent: 0, into: &out) }
        return out
    }
}
