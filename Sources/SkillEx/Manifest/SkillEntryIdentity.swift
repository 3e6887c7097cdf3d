/// A skill entry as bytes for fingerprints, without a JSON encoder.
extension SkillEntry {
    /// Bytes that differ whenever any field of the entry differs: each field length-prefixed (an
    /// absent optional marked apart from an empty one), then the unmodelled fields as sorted JSON.
    public var identityBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(192 + name.utf8.count + (description?.utf8.count ?? 0))
        for field in [name, sourceRepo, targetPath, checksum, packagedAt, sourceCommit, sourceBranch, description] {
            guard let field else {
                out += "-\n".utf8
                continue
            }
            out += String(field.utf8.count).utf8
            out.append(UInt8(ascii: ":"))
            out += field.utf8
        }
        if !extra.values.isEmpty { JSONWriter.write(.object(extra.values), indent: 0, into: &out) }
        return out
    }
}
