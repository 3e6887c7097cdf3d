/// A CI system `skillex init` writes a pipeline snippet for.
public enum CISystem: String, Sendable, CaseIterable, Codable, Comparable {
    case github, gitlab, buildkite

    /// Parses `github,gitlab` (spaces allowed, `none` or empty for no system).
    public static func parseList(_ text: String) throws(OnboardingError) -> [CISystem] {
        var systems = Set<CISystem>()
        for part in text.split(separator: ",") {
            let word = Trim.whitespacesAndNewlines(String(part)).lowercased()
            if word.isEmpty || word == "none" { continue }
            guard let system = CISystem(rawValue: word) else {
                throw .invalidAnswer(
                    question: "ci", reason: "unknown CI system '\(word)' (choose from github, gitlab, buildkite or none)")
            }
            systems.insert(system)
        }
        return systems.sorted()
    }

    /// The list as `parseList` reads it back; `none` when empty.
    public static func listText(_ systems: [CISystem]) -> String {
        systems.isEmpty ? "none" : systems.sorted().map(\.rawValue).joined(separator: ",")
    }

    /// Ordered as listed: github, gitlab, buildkite.
    public static func < (lhs: CISystem, rhs: CISystem) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
