import Foundation

/// Writes a pack index as `JSONWriter.data` would (keys sorted, 2-space indent), each skill
/// straight into a byte buffer on every core: no `Encodable` pass, no JSON tree. A new pack of
/// a large hub (a one-edit build) spent more on encoding its index this way than on the zip.
///
/// `PackIndexJSONTests` checks the bytes against `JSONWriter` for indexes of every shape.
enum PackIndexJSON {
    /// The bytes of `index`.
    static func data(_ index: PackIndex) throws -> Data {
        let fields: [String: JSONValue] = [
            "bytes": .int(index.bytes), "created_at": .string(index.createdAt), "files": .int(Int64(index.files)),
            "format": .int(Int64(index.format)), "version": .string(index.version),
        ]
        let skills = index.skills
        let data = JSONChunkedObject.data(fields: fields, key: "skills", count: skills.count) { position, out in
            write(skills[position], indent: 4, into: &out)
            return true
        }
        return try data ?? JSONWriter.data(index)
    }

    /// Appends `skill` as an array item at `indent` (no leading pad).
    private static func write(_ skill: PackIndex.Skill, indent: Int, into out: inout [UInt8]) {
        out += "{\n".utf8
        key("bytes", indent + 2, &out); out += String(skill.bytes).utf8
        out += ",\n".utf8
        key("checksum", indent + 2, &out); JSONWriter.quote(skill.checksum, into: &out)
        out += ",\n".utf8
        key("files", indent + 2, &out)
        if skill.files.isEmpty {
            out += "[]".utf8
        } else {
            out += "[\n".utf8
            for (position, file) in skill.files.enumerated() {
                JSONWriter.pad(indent + 4, &out)
                write(file, indent: indent + 4, into: &out)
                out += (position == skill.files.count - 1 ? "\n" : ",\n").utf8
            }
            JSONWriter.pad(indent + 2, &out)
            out.append(UInt8(ascii: "]"))
        }
        out += ",\n".utf8
        key("repo", indent + 2, &out); JSONWriter.quote(skill.repo, into: &out)
        out += ",\n".utf8
        key("skill", indent + 2, &out); JSONWriter.quote(skill.skill, into: &out)
        out.append(0x0A)
        JSONWriter.pad(indent, &out)
        out.append(UInt8(ascii: "}"))
    }

    /// Appends `file` at `indent` (no leading pad); `executable` only when set, as `Codable` does.
    private static func write(_ file: PackIndex.File, indent: Int, into out: inout [UInt8]) {
        out += "{\n".utf8
        if let executable = file.executable {
            key("executable", indent + 2, &out); out += (executable ? "true" : "false").utf8
            out += ",\n".utf8
        }
        key("path", indent + 2, &out); JSONWriter.quote(file.path, into: &out)
        out += ",\n".utf8
        key("size", indent + 2, &out); out += String(file.size).utf8
        out.append(0x0A)
        JSONWriter.pad(indent, &out)
        out.append(UInt8(ascii: "}"))
    }

    /// `"name": ` at `indent`.
    private static func key(_ name: String, _ indent: Int, _ out: inout [UInt8]) {
        JSONWriter.pad(indent, &out)
        JSONWriter.quote(name, into: &out)
        out += ": ".utf8
    }
}
