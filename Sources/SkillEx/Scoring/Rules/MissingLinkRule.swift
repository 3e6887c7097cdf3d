import Foundation

/// `link-missing`: relative links in the SKILL.md body must name files that exist in the skill.
struct MissingLinkRule: LintRule {
    let definitions = [
        RuleDefinition(
            id: "link-missing", severity: .error,
            summary: "The body links to a file that is not in the skill.",
            remediation: "Add the file to the skill, or fix or remove the link.")
    ]

    func check(_ skill: LintContext) -> [LintHit] {
        let present = Set(skill.files.map(\.relativePath))
        var hits: [LintHit] = []
        var hints: PathHints?
        for link in skill.links {
            guard let path = Self.localPath(link.target) else { continue }
            let line = link.line
            guard let normal = Self.normalize(path) else {
                hits.append(
                    LintHit(
                        rule: "link-missing", message: "link '\(link.target)' points outside the skill",
                        file: "SKILL.md", line: line))
                continue
            }
            let exists = normal.isEmpty || present.contains(normal)
                || present.contains { $0.hasPrefix(normal.hasSuffix("/") ? normal : normal + "/") }
            if !exists {
                // A name off only by case or extension is `MentionRule`'s, with its exact fix.
                let lookup = hints ?? PathHints(skill.files)
                hints = lookup
                if let clean = PathHints.clean(normal), lookup.hasFix(clean) { continue }
                hits.append(
                    LintHit(
                        rule: "link-missing", message: "link '\(link.target)' names a file that does not exist",
                        file: "SKILL.md", line: line))
            }
        }
        return hits
    }

    /// Prefixes that agents replace with the skill's own folder (`{baseDir}/references/a.md`).
    static let skillRootPlaceholders = ["{baseDir}/", "${baseDir}/", "$baseDir/", "${CLAUDE_SKILL_DIR}/", "$CLAUDE_SKILL_DIR/"]

    /// The file path of a relative link, without fragment or query; nil for URLs and anchors.
    /// A skill-root placeholder (`{baseDir}/`) is read as the skill's folder.
    static func localPath(_ link: String) -> String? {
        var target = link
        if target.utf8.first == UInt8(ascii: "{") || target.utf8.first == UInt8(ascii: "$"),
            let prefix = skillRootPlaceholders.first(where: { target.hasPrefix($0) })
        {
            target = String(target.dropFirst(prefix.count))
        }
        if target.isEmpty || target.hasPrefix("#") || target.hasPrefix("/") { return nil }
        var path = target
        if target.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (most links): the same tests on bytes, each byte one character.
            let utf8 = target.utf8
            if let colon = utf8.firstIndex(of: 0x3A), utf8[..<colon].allSatisfy(isSchemeByte) { return nil }
            if let cut = utf8.firstIndex(where: { $0 == 0x23 || $0 == 0x3F }) { path = String(target[..<cut]) }
        } else {
            if let colon = target.firstIndex(of: ":"),
                target[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) })
            {
                return nil  // a scheme: https:, mailto:, data:
            }
            if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        }
        // Without a `%` there is nothing to decode (and Foundation's decoder is slow on Linux).
        guard path.utf8.contains(0x25) else { return path }
        return path.removingPercentEncoding ?? path
    }

    /// True for an ASCII letter, digit, `+`, `.` or `-`: the bytes of a URL scheme.
    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2E
            || byte == 0x2D
    }

    /// `path` with `.` and `..` resolved inside the skill; nil when it climbs out.
    static func normalize(_ path: String) -> String? {
        // Already normal (no empty, `.` or `..` segment): the result would be `path` itself.
        if RelativePath.isNormal(path) { return path }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/") + (path.hasSuffix("/") && !parts.isEmpty ? "/" : "")
    }
}
