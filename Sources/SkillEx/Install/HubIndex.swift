public import Foundation

/// A hub's discovery index (Agent Skills Discovery RFC v0.2.0) as `skillex install` trusts it:
/// the known `$schema`, and every entry with a valid name (no `/`, no `..`), a known type and a
/// `sha256:` digest. Anything else refuses the whole index, so nothing is installed from it.
public struct HubIndex: Sendable, Equatable {
    /// One skill the index offers.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var type: String
        public var description: String
        public var url: String
        public var digest: String
    }

    /// The only `$schema` accepted.
    public static let schema = "https://schemas.agentskills.io/discovery/0.2.0/schema.json"
    /// Largest index read (the index of 10,000 skills is about 3 MiB).
    public static let maxBytes: UInt64 = 32 << 20

    /// Entries by name, sorted by name.
    public var entries: [Entry]
    /// Set when the source is a `dist/` folder: where the entries' files come from.
    var dist: DistHub? = nil

    /// Parses and checks `data`, the index at `location`.
    public static func parse(_ data: Data, location: String) throws(InstallError) -> HubIndex {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw InstallError.badIndex(location: location, reason: "not a JSON object")
            }
            object = parsed
        } catch let error as InstallError { throw error } catch {
            throw .badIndex(location: location, reason: "not valid JSON")
        }
        if object["versions"] != nil && object["$schema"] == nil {
            throw .badIndex(location: location, reason: "this is a dist/ pack index; install reads a site's discovery index (public/ or its URL)")
        }
        guard let schema = object["$schema"] as? String else {
            throw .badIndex(location: location, reason: "no $schema (expected \(Self.schema))")
        }
        guard schema == Self.schema else {
            throw .badIndex(location: location, reason: "unknown $schema '\(TerminalText.escape(schema, newlines: false))'")
        }
        guard let skills = object["skills"] as? [Any] else {
            throw .badIndex(location: location, reason: "no skills array")
        }
        var entries: [Entry] = []
        var seen = Set<String>()
        for (position, raw) in skills.enumerated() {
            guard let item = raw as? [String: Any], let name = item["name"] as? String,
                let type = item["type"] as? String, let url = item["url"] as? String,
                let digest = item["digest"] as? String
            else { throw .badIndex(location: location, reason: "skills[\(position)] lacks name, type, url or digest") }
            if let problem = nameProblem(name) {
                throw .badIndex(location: location, reason: "skills[\(position)] name '\(TerminalText.escape(name, newlines: false))': \(problem)")
            }
            guard type == "skill-md" || type == "archive" else {
                throw .badIndex(location: location, reason: "\(name): unknown type '\(TerminalText.escape(type, newlines: false))'")
            }
            guard isDigest(digest) else {
                throw .badIndex(location: location, reason: "\(name): digest is not sha256: and 64 lowercase hex digits")
            }
            guard seen.insert(name).inserted else { throw .badIndex(location: location, reason: "\(name) is listed twice") }
            entries.append(Entry(
                name: name, type: type, description: item["description"] as? String ?? "", url: url, digest: digest))
        }
        entries.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return HubIndex(entries: entries)
    }

    /// Why `name` is not a skill name the RFC allows (1-64 of a-z, 0-9, `-`; no leading,
    /// trailing or doubled hyphen), or nil. A name is also a folder name: this keeps `..` and `/` out.
    public static func nameProblem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        if bytes.isEmpty || bytes.count > 64 { return "must be 1 to 64 characters" }
        if !bytes.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }) {
            return "may hold only a-z, 0-9 and '-'"
        }
        if bytes.first == 0x2D || bytes.last == 0x2D || name.contains("--") { return "may not start or end with '-' or hold '--'" }
        return nil
    }

    /// True for `sha256:` and 64 lowercase hex digits.
    static func isDigest(_ text: String) -> Bool {
        guard text.hasPrefix("sha256:") else { return false }
        let hex = text.utf8.dropFirst(7)
        return hex.count == 64 && hex.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
