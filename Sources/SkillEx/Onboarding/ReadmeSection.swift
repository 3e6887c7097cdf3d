public import Foundation

/// The README section `skillex init` keeps up to date: the repository's skills with their
/// descriptions, how to validate them locally, and where the hub's site shows their reports.
public struct ReadmeSection: Sendable, Equatable {
    /// One listed skill.
    public struct Skill: Sendable, Equatable {
        /// The skill's folder name.
        public var name: String
        /// Its description (empty when SKILL.md has none).
        public var description: String

        /// A listed skill.
        public init(name: String, description: String) {
            self.name = name
            self.description = description
        }
    }

    /// The repository's name in the hub.
    public var repository: String
    /// The skills folder, relative to the repository.
    public var skillsDir: String
    /// The skills, sorted by name.
    public var skills: [Skill]
    /// The hub site's address (`site.url` in the manifest), if it has one.
    public var siteURL: String?

    /// A section for these facts.
    public init(repository: String, skillsDir: String, skills: [Skill], siteURL: String?) {
        self.repository = repository
        self.skillsDir = skillsDir
        self.skills = skills.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        self.siteURL = siteURL
    }

    /// The section's Markdown, without markers.
    public var markdown: String {
        var out = "## Agent Skills\n\n"
        out += "This repository's [Agent Skills](https://agentskills.io) live in `\(skillsDir)/`; the skills hub "
        out += "collects them as `\(repository)`.\n\n"
        if skills.isEmpty {
            out += "There are no skills yet: add a folder with a `SKILL.md` to `\(skillsDir)/`.\n\n"
        } else {
            out += "| skill | what it does |\n|---|---|\n"
            for skill in skills {
                // Folder names from disk become links only when they cannot break the Markdown.
                let plain = skill.name.unicodeScalars.allSatisfy(OnboardingRules.isPlainScalar)
                let label = plain
                    ? "[`\(skill.name)`](\(skillsDir)/\(skill.name)/SKILL.md)" : MarkdownText.escaped(skill.name)
                out += "| \(label) | \(MarkdownText.escaped(skill.description)) |\n"
            }
            out += "\n"
        }
        out += "### Validate locally\n\n"
        out += "```sh\nscripts/validate_skills.sh\n```\n\n"
        out += "It runs `skillex validate` on `\(skillsDir)/` (exit status 0 when every skill is valid) "
        out += "and explains how to install skillex when it is missing.\n\n"
        out += "### Reports\n\n"
        if let siteURL {
            let base = siteURL.hasSuffix("/") ? String(siteURL.dropLast()) : siteURL
            out += "The hub's site shows each skill's validation, score and history at "
            out += "<\(base)/skills/\(repository)/>.\n"
        } else {
            out += "After the hub's `skillex build`, its site shows each skill's validation, score and "
            out += "history under `skills/\(repository)/<skill>/`.\n"
        }
        return out
    }

    /// The skills in `folder` (each subfolder holding a SKILL.md) with their descriptions; with
    /// `root`, only subfolders whose real path lies inside `root`'s (a symlinked skill folder
    /// leading elsewhere is not read).
    public static func skills(in folder: URL, inside root: URL? = nil) -> [Skill] {
        guard let folders = try? SkillDiscovery.subfolders(of: folder) else { return [] }
        let realRoot = root.flatMap { RealPath.of($0.path) }
        let validator = SpecValidator()
        return folders.filter { url in
            guard SkillDiscovery.isSkillFolder(url) else { return false }
            guard let realRoot else { return root == nil }
            return RealPath.of(url.path).map { RealPath.isInside($0, root: realRoot) } ?? false
        }.map { url in
            let description = validator.validate(folder: url).document?.description ?? ""
            return Skill(name: url.lastPathComponent, description: Trim.whitespacesAndNewlines(description))
        }
    }

    /// The site address from the manifest's `site.url`, when it is an http(s) URL.
    public static func siteURL(in manifest: Manifest) -> String? {
        guard case .object(let site)? = manifest.extra.values["site"], case .string(let url)? = site["url"] else { return nil }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
            !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0 == "<" || $0 == ">" })
        else { return nil }
        return url
    }
}
