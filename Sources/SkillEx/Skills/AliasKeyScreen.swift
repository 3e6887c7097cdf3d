internal import Yams

/// Finds YAML aliases used inside mapping keys before Yams composes the text for real. Yams
/// hashes every mapping's keys to find duplicates, and hashing a key expands its aliases: a key
/// made of aliases of aliases takes exponential time (found by fuzzing). Aliases in values are
/// harmless here (`SkillDocumentParser` bounds their expansion), so only keys are screened.
enum AliasKeyScreen {
    /// A private-use character that stands in for `*` while screening.
    private static let marker: Character = "\u{E000}"

    /// Throws Yams's error for text that does not compose (the real text fails the same way, and
    /// must not be composed: some of its keys may hold aliases). Returns a problem to report when
    /// some key holds an alias; nil when none does (or no `*` appears).
    static func problem(in yaml: Substring) throws -> String? {
        guard yaml.utf8.contains(UInt8(ascii: "*")) else { return nil }
        // Every `*` becomes the marker: aliases turn into plain scalars that start with it, and
        // the text keeps its shape (lines, columns, quoting), so nothing can expand.
        let defused = String(yaml.map { $0 == "*" ? marker : $0 })
        guard let node = try Yams.compose(yaml: defused, .default, .default, .utf8) else { return nil }
        return holdsAliasKey(node) ? "an alias (*name) inside a mapping key is not supported" : nil
    }

    private static func holdsAliasKey(_ node: Node) -> Bool {
        switch node {
        case .scalar, .alias: return false
        case .sequence(let items): return items.contains(where: holdsAliasKey)
        case .mapping(let pairs):
            return pairs.contains { isAlias($0.key) || holdsAliasKey($0.key) || holdsAliasKey($0.value) }
        }
    }

    /// True when `node` is, or contains, a plain scalar that was an alias.
    private static func isAlias(_ node: Node) -> Bool {
        switch node {
        case .scalar(let scalar): return scalar.style == .plain && scalar.string.first == marker
        case .alias: return true
        case .sequence(let items): return items.contains(where: isAlias)
        case .mapping(let pairs): return pairs.contains { isAlias($0.key) || isAlias($0.value) }
        }
    }
}
