import Foundation

/// `file-unreferenced`: every file in references/, scripts/ and assets/ should be reachable from
/// SKILL.md (`ReferenceGraph`), or an agent will never find it. `__init__.py`, `LICENSE*` and
/// `README*` are exempt.
struct UnreferencedFileRule: LintRule {
    /// The folders whose files must be mentioned.
    static let folders = ["references/", "scripts/", "assets/"]

    let definitions = [
        RuleDefinition(
            id: "file-unreferenced", severity: .warning,
            summary: "A file in references/, scripts/ or assets/ is not reached from SKILL.md (named, imported or sourced).",
            remediation: "Link or name the file (or its folder) in SKILL.md or a file it references, saying when to read or run it; or import it from a referenced script; or delete it.")
    ]

    func check(_ skill: LintContext) -> [LintHit] {
        let candidates = skill.files.filter { file in
            Self.folders.contains(where: { file.relativePath.hasPrefix($0) })
                && !ReferenceGraph.exempt(file.relativePath.split(separator: "/").last ?? "")
        }
        guard !candidates.isEmpty else { return [] }
        let graph = ReferenceGraph(skill, until: Set(candidates.map(\.relativePath)))
        return candidates.filter { !graph.reached.contains($0.relativePath) }.map { file in
            LintHit(
                rule: "file-unreferenced",
                message: "'\(file.relativePath)' is not reached from SKILL.md (no referenced Markdown or script names, imports or sources it)",
                file: file.relativePath)
        }
    }
}
