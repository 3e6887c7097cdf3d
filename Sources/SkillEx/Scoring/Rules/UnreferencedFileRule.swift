import Foundation

/// `file-unreferenced`: every file in references/, scripts/ and assets/ should be mentioned
/// somewhere (SKILL.md or another file of the skill), or an agent will never find it.
struct UnreferencedFileRule: LintRule {
    /// The folders whose files must be mentioned.
    static let folders = ["references/", "scripts/", "assets/"]

    let definitions = [
        RuleDefinition(
            id: "file-unreferenced", severity: .warning,
            summary: "A file in references/, scripts/ or assets/ is not mentioned anywhere in the skill.",
            remediation: "Link or name the file in SKILL.md (say when to read or run it), or delete it.")
    ]

    func check(_ skill: LintContext) -> [LintHit] {
        var hits: [LintHit] = []
        for file in skill.files where Self.folders.contains(where: { file.relativePath.hasPrefix($0) }) {
            let path = file.relativePath
            let name = path.split(separator: "/").last.map(String.init) ?? path
            var mentioned = skill.skillText.map { TextScan.contains($0, name) } ?? false
            if !mentioned {
                mentioned = skill.texts.contains { other, text in
                    other != path && TextScan.contains(text, name)
                }
            }
            if !mentioned {
                hits.append(
                    LintHit(
                        rule: "file-unreferenced", message: "'\(path)' is not mentioned by SKILL.md or any other file",
                        file: path))
            }
        }
        return hits
    }
}
