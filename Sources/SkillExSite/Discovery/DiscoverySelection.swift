import Foundation
import SkillEx

/// Which skills the discovery index lists, under which name.
enum DiscoverySelection {
    /// Admitted or approved skills with readable files and a name the RFC accepts, sorted by name.
    /// When two repositories have a skill of the same name, the one whose repository comes first
    /// in the manifest's `repositories` (then by repository name) is listed and the others are
    /// left out with a warning: a client installs by name, so one name means one skill.
    static func choose(_ skills: [SkillInput], repositoryOrder: [String], warnings: inout [String])
        -> [(String, SkillInput)]
    {
        let rank = Dictionary(repositoryOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var byName: [String: [SkillInput]] = [:]
        for skill in skills where isAdmitted(skill) && skill.filesReadable {
            let name = skill.entry.name
            if let problem = nameProblem(name) {
                warnings.append("\(skill.entry.sourceRepo)/\(name): not in the discovery index: \(problem)")
                continue
            }
            byName[name, default: []].append(skill)
        }
        var chosen: [(String, SkillInput)] = []
        for name in byName.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let candidates = (byName[name] ?? []).sorted { a, b in
                let ra = rank[a.entry.sourceRepo] ?? Int.max
                let rb = rank[b.entry.sourceRepo] ?? Int.max
                return ra != rb ? ra < rb : a.entry.sourceRepo.utf8.lexicographicallyPrecedes(b.entry.sourceRepo.utf8)
            }
            guard let first = candidates.first else { continue }
            for other in candidates.dropFirst() {
                warnings.append(
                    "\(other.entry.sourceRepo)/\(name): not in the discovery index: "
                        + "the name is taken by \(first.entry.sourceRepo)/\(name)")
            }
            chosen.append((name, first))
        }
        return chosen
    }

    /// True when the gate admitted the skill or a maintainer approved it.
    static func isAdmitted(_ skill: SkillInput) -> Bool {
        skill.scorecard?.gate == .admitted || skill.scorecard?.gate == .approved
    }

    /// Why `name` breaks the RFC's naming rules (1-64 of a-z, 0-9 and `-`, no leading, trailing
    /// or doubled hyphen), or nil.
    static func nameProblem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        if bytes.isEmpty || bytes.count > 64 { return "the name must be 1 to 64 characters" }
        let allowed = bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
        if !allowed { return "the name may hold only a-z, 0-9 and '-'" }
        if bytes.first == 0x2D || bytes.last == 0x2D || name.contains("--") {
            return "the name may not start or end with '-' or hold '--'"
        }
        return nil
    }
}
